import { describe, expect, it } from "vitest";
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "@/lib/sla/bank-holidays";
import { FLOWFORGE_CALENDAR } from "@/lib/sla/business-calendar";

// Derives each year's bank holidays from the rules of the Banking and Financial Dealings Act
// 1971 and the royal proclamations that moved the May holidays, to check the shipped data.

const date = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const label = (value: Date) => value.toISOString().slice(0, 10);
const addDays = (value: Date, days: number) => new Date(value.getTime() + days * 86_400_000);
const isWeekend = (value: Date) => value.getUTCDay() === 0 || value.getUTCDay() === 6;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, day);
}

function firstMonday(year: number, month: number): Date {
  const first = date(year, month, 1);
  return addDays(first, (8 - first.getUTCDay()) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = date(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() + 6) % 7));
}

function byRule(year: number): string[] {
  const easter = easterSunday(year);
  const days = [addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8)];
  // Fixed dates on a weekend move to the next weekday that is not already taken.
  const taken = new Set(days.map(label));
  for (const fixed of [date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)]) {
    let day = fixed;
    while (isWeekend(day) || taken.has(label(day))) day = addDays(day, 1);
    taken.add(label(day));
  }
  return [...taken].sort();
}

describe("England and Wales bank holidays", () => {
  it("computes Easter correctly", () => {
    expect([2024, 2025, 2026, 2027, 2028].map((year) => label(easterSunday(year)))).toEqual([
      "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16",
    ]);
  });

  it.each([2024, 2025, 2026, 2027, 2028])("ships exactly the %i holidays the rules give", (year) => {
    const shipped = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((holiday) => holiday.date.startsWith(`${year}-`)).map((holiday) => holiday.date);
    expect(shipped).toEqual(byRule(year));
  });

  it("names the substitute days", () => {
    const names = Object.fromEntries(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => [holiday.date, holiday.name]));
    expect(names["2026-12-28"]).toBe("Boxing Day (substitute day)");
    expect(names["2027-12-27"]).toBe("Christmas Day (substitute day)");
    expect(names["2028-01-03"]).toBe("New Year’s Day (substitute day)");
  });

  it("are FlowForge's default holidays", () => {
    expect(FLOWFORGE_CALENDAR.holidays.size).toBe(40);
    expect(FLOWFORGE_CALENDAR.holidays.has("2026-04-03")).toBe(true);
  });
});
