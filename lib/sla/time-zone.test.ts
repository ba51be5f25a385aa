import { describe, expect, it } from "vitest";
import { dayNumber } from "@/lib/sla/civil-date";
import { localDayOf, localTimeToUtc, offsetAt } from "@/lib/sla/time-zone";

const HOUR = 3_600_000;
const LONDON = "Europe/London";

/** The last Sunday of a month, 01:00 UTC: when the UK's clocks change. */
function lastSundayOneAm(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

describe("Europe/London offsets", () => {
  it.each([2024, 2025, 2026, 2027, 2028])("%i: BST from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC", (year) => {
    const spring = lastSundayOneAm(year, 3);
    const autumn = lastSundayOneAm(year, 10);
    expect(offsetAt(LONDON, spring - 1)).toBe(0);
    expect(offsetAt(LONDON, spring)).toBe(HOUR);
    expect(offsetAt(LONDON, autumn - 1)).toBe(HOUR);
    expect(offsetAt(LONDON, autumn)).toBe(0);
  });

  it("gives local dates across midnight in BST", () => {
    expect(localDayOf(LONDON, Date.parse("2026-06-30T23:30Z"))).toBe(dayNumber(2026, 7, 1));
    expect(localDayOf(LONDON, Date.parse("2026-12-31T23:30Z"))).toBe(dayNumber(2026, 12, 31));
  });
});

describe("localTimeToUtc", () => {
  it("maps ordinary times with the season's offset", () => {
    expect(localTimeToUtc(LONDON, dayNumber(2026, 1, 15), 9 * 60)).toBe(Date.parse("2026-01-15T09:00Z"));
    expect(localTimeToUtc(LONDON, dayNumber(2026, 7, 15), 9 * 60)).toBe(Date.parse("2026-07-15T08:00Z"));
  });

  it("moves a skipped time forward by the gap", () => {
    expect(localTimeToUtc(LONDON, dayNumber(2026, 3, 29), 90)).toBe(Date.parse("2026-03-29T01:30Z"));
  });

  it("takes the first of a repeated time", () => {
    expect(localTimeToUtc(LONDON, dayNumber(2026, 10, 25), 90)).toBe(Date.parse("2026-10-25T00:30Z"));
  });

  it("handles other zones, including half-hour offsets and the southern hemisphere", () => {
    expect(localTimeToUtc("Asia/Kolkata", dayNumber(2026, 4, 1), 9 * 60)).toBe(Date.parse("2026-04-01T03:30Z"));
    expect(localTimeToUtc("Australia/Sydney", dayNumber(2026, 1, 5), 9 * 60)).toBe(Date.parse("2026-01-04T22:00Z"));
    expect(localTimeToUtc("Australia/Sydney", dayNumber(2026, 7, 6), 9 * 60)).toBe(Date.parse("2026-07-05T23:00Z"));
  });
});
