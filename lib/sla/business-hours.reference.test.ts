import { describe, expect, it } from "vitest";
import { FLOWFORGE_CALENDAR, type BusinessCalendar } from "@/lib/sla/business-calendar";
import { addBusinessMinutes, businessMinutesBetween, isWithinBusinessHours, nextOpening } from "@/lib/sla/business-hours";
import { Rng } from "@/fakes/hubspot/prng";

// The fast clock against a deliberately naive one: walk minute by minute and ask Intl, for each
// minute, what the local date, weekday and time are. It shares no code with the clock.

const MINUTE = 60_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

interface Local {
  date: string;
  weekday: number;
  minuteOfDay: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const quarters = new Map<string, Map<number, Local>>();

/** Local time at the start of an instant's quarter hour; every offset is a multiple of 15 minutes. */
function localQuarter(timeZone: string, quarter: number): Local {
  let zone = quarters.get(timeZone);
  if (!zone) quarters.set(timeZone, (zone = new Map()));
  let found = zone.get(quarter);
  if (!found) {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
      formats.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(quarter).map((part) => [part.type, part.value]));
    found = { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAYS[parts.weekday!]!, minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute) };
    zone.set(quarter, found);
  }
  return found;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Whether the minute starting at `instant` (a whole minute) is business time. */
function naiveIsOpen(calendar: BusinessCalendar, instant: number): boolean {
  const quarter = Math.floor(instant / (15 * MINUTE)) * 15 * MINUTE;
  const { date, weekday, minuteOfDay } = localQuarter(calendar.timeZone, quarter);
  const minute = minuteOfDay + (instant - quarter) / MINUTE;
  return calendar.workdays.includes(weekday) && !calendar.holidays.has(date) && minute >= minutesOf(calendar.open) && minute < minutesOf(calendar.close);
}

/** `start` on a whole minute: the end of the minute in which the count reaches `minutes`. */
function naiveAdd(calendar: BusinessCalendar, start: number, minutes: number): number {
  let counted = 0;
  for (let minute = start; ; minute += MINUTE) {
    if (counted === minutes) return minute;
    if (naiveIsOpen(calendar, minute)) {
      counted += 1;
      if (counted === minutes) return minute + MINUTE;
    }
  }
}

function naiveBetween(calendar: BusinessCalendar, start: number, end: number): number {
  let counted = 0;
  for (let minute = start; minute < end; minute += MINUTE) if (naiveIsOpen(calendar, minute)) counted += 1;
  return counted;
}

function naiveNextOpening(calendar: BusinessCalendar, instant: number): number {
  let minute = Math.ceil(instant / MINUTE) * MINUTE;
  while (!naiveIsOpen(calendar, minute) || naiveIsOpen(calendar, minute - MINUTE)) minute += MINUTE;
  return minute;
}

/** Whole-minute instants in 2024–2028, half of them within four days of a clock change or holiday. */
function instants(seed: number, count: number): number[] {
  const rng = new Rng(seed);
  const next = () => rng.next();
  const from = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2029, 0, 1) - from;
  const hotspots = [
    "2024-03-31", "2024-10-27", "2025-03-30", "2025-10-26", "2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31", "2028-03-26", "2028-10-29",
    "2024-12-25", "2026-12-25", "2027-12-25", "2028-01-01", "2026-04-03", "2027-03-26", "2028-04-14",
  ].map((date) => Date.parse(`${date}T01:00Z`));
  return Array.from({ length: count }, () => {
    const instant = next() < 0.5 ? from + next() * span : hotspots[Math.floor(next() * hotspots.length)]! + (next() - 0.5) * 8 * 86_400_000;
    return Math.floor(instant / MINUTE) * MINUTE;
  });
}

const CALENDARS: { name: string; calendar: BusinessCalendar; samples: number }[] = [
  { name: "FlowForge (London)", calendar: FLOWFORGE_CALENDAR, samples: 3000 },
  {
    name: "New York, Saturdays worked",
    calendar: { timeZone: "America/New_York", open: "08:30", close: "18:00", workdays: [1, 2, 3, 4, 5, 6], holidays: new Set(["2026-07-03", "2026-11-26"]) },
    samples: 400,
  },
  { name: "Kolkata (+05:30)", calendar: { timeZone: "Asia/Kolkata", open: "09:30", close: "18:30", workdays: [1, 2, 3, 4, 5], holidays: new Set() }, samples: 400 },
  {
    name: "London Sunday night shift across the transition hour",
    calendar: { timeZone: "Europe/London", open: "00:30", close: "03:00", workdays: [7], holidays: new Set() },
    samples: 200,
  },
];

describe.each(CALENDARS)("the fast clock agrees with the minute-by-minute reference: $name", ({ calendar, samples }) => {
  const starts = instants(samples, samples);
  const rng = new Rng(samples + 1);
  const next = () => rng.next();

  it("due times", () => {
    for (const start of starts) {
      const minutes = [1, 60, 240, 481][Math.floor(next() * 4)]!;
      const expected = naiveAdd(calendar, start, minutes);
      expect(addBusinessMinutes(new Date(start), minutes, calendar).getTime(), `${new Date(start).toISOString()} + ${minutes}`).toBe(expected);
    }
  });

  it("business minutes between two instants", () => {
    for (const start of starts) {
      const end = start + Math.floor(next() * 5 * 1440) * MINUTE;
      expect(businessMinutesBetween(new Date(start), new Date(end), calendar), new Date(start).toISOString()).toBe(naiveBetween(calendar, start, end));
    }
  });

  it("open or closed, and the next opening, at any millisecond", () => {
    for (const start of starts) {
      const instant = start + Math.floor(next() * MINUTE);
      const minute = Math.floor(instant / MINUTE) * MINUTE;
      expect(isWithinBusinessHours(new Date(instant), calendar), new Date(instant).toISOString()).toBe(naiveIsOpen(calendar, minute));
      expect(nextOpening(new Date(instant), calendar).getTime(), new Date(instant).toISOString()).toBe(naiveNextOpening(calendar, instant));
    }
  });
});
