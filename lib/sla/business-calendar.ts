import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from "@/lib/sla/bank-holidays";
import { parseDay } from "@/lib/sla/civil-date";

/**
 * When the support team is working. A value: the default below is FlowForge's, an Enterprise
 * account may carry its own, and admin-added days off are added with `withExtraHolidays`.
 * Treat a calendar as immutable: the clock caches its tables per calendar.
 */
export interface BusinessCalendar {
  /** IANA zone in which the hours, weekdays and holidays are read. */
  readonly timeZone: string;
  /** Local opening time, "HH:MM". */
  readonly open: string;
  /** Local closing time, "HH:MM" after `open` ("24:00" for midnight); hours never span midnight. */
  readonly close: string;
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  readonly workdays: readonly number[];
  /** Local dates (YYYY-MM-DD) with no business hours. */
  readonly holidays: ReadonlySet<string>;
}

export const FLOWFORGE_CALENDAR: BusinessCalendar = {
  timeZone: "Europe/London",
  open: "09:00",
  close: "17:00",
  workdays: [1, 2, 3, 4, 5],
  holidays: new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((holiday) => holiday.date)),
};

export function withExtraHolidays(calendar: BusinessCalendar, dates: Iterable<string>): BusinessCalendar {
  return { ...calendar, holidays: new Set([...calendar.holidays, ...dates]) };
}

/** A calendar checked and reduced to numbers, or a RangeError naming what is wrong. */
export interface CalendarRules {
  timeZone: string;
  openMinute: number;
  closeMinute: number;
  /** Indexed by ISO weekday. */
  isWorkday: readonly boolean[];
  holidays: ReadonlySet<string>;
}

const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minuteOfDay(label: string, time: string): number {
  const match = TIME_PATTERN.exec(time);
  const minute = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minute <= 24 * 60)) throw new RangeError(`Business calendar: ${label} must be HH:MM, got "${time}"`);
  return minute;
}

export function calendarRules(calendar: BusinessCalendar): CalendarRules {
  const openMinute = minuteOfDay("open", calendar.open);
  const closeMinute = minuteOfDay("close", calendar.close);
  if (closeMinute <= openMinute) throw new RangeError(`Business calendar: close (${calendar.close}) must be after open (${calendar.open})`);
  const isWorkday = Array.from({ length: 8 }, (_, weekday) => weekday >= 1 && calendar.workdays.includes(weekday));
  if (!isWorkday.includes(true)) throw new RangeError("Business calendar: at least one workday (1–7) is needed");
  for (const date of calendar.holidays) {
    if (parseDay(date) === null) throw new RangeError(`Business calendar: holiday "${date}" is not a YYYY-MM-DD date`);
  }
  // Fail here, not deep inside the clock, on a zone the platform does not know.
  new Intl.DateTimeFormat("en-GB", { timeZone: calendar.timeZone });
  return { timeZone: calendar.timeZone, openMinute, closeMinute, isWorkday, holidays: calendar.holidays };
}
