// Calendar dates as whole day numbers (days since 1970-01-01), so that walking a year, finding a
// weekday or an ISO week is integer arithmetic rather than Date objects and time zones.

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The day number of a proleptic Gregorian date; month is 1–12. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function civilDate(dayNo: number): CivilDate {
  const date = new Date(dayNo * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
export function isoWeekday(dayNo: number): number {
  return ((((dayNo + 3) % 7) + 7) % 7) + 1;
}

export function formatDay(dayNo: number): string {
  const { year, month, day } = civilDate(dayNo);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day number of a "YYYY-MM-DD" date, or null when the text is not a real date. */
export function parseDay(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNo = dayNumber(year, month, day);
  const back = civilDate(dayNo);
  return back.year === year && back.month === month && back.day === day ? dayNo : null;
}

/** The ISO 8601 week of a date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(dayNo: number): { year: number; week: number; monday: number } {
  const monday = dayNo - (isoWeekday(dayNo) - 1);
  const thursday = monday + 3;
  const year = civilDate(thursday).year;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week, monday };
}
