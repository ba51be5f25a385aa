import { calendarRules, type BusinessCalendar, type CalendarRules } from "@/lib/sla/business-calendar";
import { DAY_MS, dayNumber, formatDay, isoWeekday } from "@/lib/sla/civil-date";
import { localTimeToUtc } from "@/lib/sla/time-zone";

// The clock works on a table of a calendar's business periods as UTC instants, with the business
// time accumulated up to each closing. Business time between two instants is then a difference of
// two accumulated values, and adding business time a search in a sorted array: a due time costs
// the same whether it is two hours or two weeks away, and the zone's offsets are already folded
// into the instants, so no Intl call and no minute-by-minute loop is left on the hot path.

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
/** Due times are almost always within a few periods: look there before bisecting. */
const LINEAR_PROBES = 8;

interface YearPeriods {
  opens: number[];
  closes: number[];
}

function utcYear(instant: number): number {
  return new Date(instant).getUTCFullYear();
}

export class BusinessTimeline {
  private readonly yearCache = new Map<number, YearPeriods>();
  private firstYear = 0;
  private lastYear = -1;
  /** Period i is [opens[i], closes[i]); ends[i] is the business ms from the table's start to closes[i]. */
  private opens = new Float64Array(0);
  private closes = new Float64Array(0);
  private ends = new Float64Array(0);
  /** For each UTC day from firstUtcDay: the index of the first period opening at or after it. */
  private firstUtcDay = 0;
  private dayIndex = new Int32Array(0);
  /** Instants whose neighbourhood the table fully describes (offsets are under a day). */
  private safeFrom = Infinity;
  private safeTo = -Infinity;

  constructor(private readonly rules: CalendarRules) {}

  /** Business ms in [start, end); negative when end is before start. */
  between(start: number, end: number): number {
    this.cover(start);
    this.cover(end);
    return this.elapsed(end) - this.elapsed(start);
  }

  /** The earliest instant at or after `start` with `ms` (≥ 0) of business time since `start`. */
  add(start: number, ms: number): number {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`Business time to add must be a finite number ≥ 0, got ${ms}`);
    if (ms === 0) return start;
    this.cover(start);
    const from = Math.max(this.periodAtOrBefore(start), 0);
    const target = this.elapsed(start) + ms;
    let found = this.firstEndingAtOrAfter(target, from);
    while (found === this.ends.length) {
      this.grow(this.firstYear, this.lastYear + Math.max(1, this.lastYear - this.firstYear));
      found = this.firstEndingAtOrAfter(target, from);
    }
    // Reaching the target exactly at a closing gives the closing, not the next opening.
    return this.closes[found]! - (this.ends[found]! - target);
  }

  isOpen(instant: number): boolean {
    this.cover(instant);
    const period = this.periodAtOrBefore(instant);
    return period >= 0 && instant < this.closes[period]!;
  }

  /** The first opening at or after the instant. */
  nextOpening(instant: number): number {
    this.cover(instant);
    let period = this.periodAtOrBefore(instant);
    if (period < 0 || this.opens[period]! < instant) period += 1;
    while (period === this.opens.length) {
      this.grow(this.firstYear, this.lastYear + 1);
    }
    return this.opens[period]!;
  }

  /** The last closing at or before the instant, or null if none is within the table's years. */
  previousClosing(instant: number): number | null {
    this.cover(instant);
    let period = this.periodAtOrBefore(instant);
    if (period >= 0 && this.closes[period]! > instant) period -= 1;
    return period >= 0 ? this.closes[period]! : null;
  }

  private elapsed(instant: number): number {
    const period = this.periodAtOrBefore(instant);
    if (period < 0) return 0;
    const close = this.closes[period]!;
    return this.ends[period]! - (close - Math.min(instant, close));
  }

  private periodAtOrBefore(instant: number): number {
    let next = this.dayIndex[Math.floor(instant / DAY_MS) - this.firstUtcDay]!;
    while (next < this.opens.length && this.opens[next]! <= instant) next += 1;
    return next - 1;
  }

  private firstEndingAtOrAfter(target: number, from: number): number {
    const ends = this.ends;
    const probeEnd = Math.min(from + LINEAR_PROBES, ends.length);
    for (let index = from; index < probeEnd; index += 1) {
      if (ends[index]! >= target) return index;
    }
    let low = probeEnd;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ends[middle]! >= target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private cover(instant: number): void {
    if (instant >= this.safeFrom && instant < this.safeTo) return;
    if (!Number.isFinite(instant)) throw new RangeError("Business clock: invalid date");
    const year = utcYear(instant);
    if (this.lastYear < this.firstYear) this.grow(year - 1, year + 1);
    else this.grow(Math.min(this.firstYear, year - 1), Math.max(this.lastYear, year + 1));
  }

  private grow(firstYear: number, lastYear: number): void {
    if (firstYear < FIRST_YEAR || lastYear > LAST_YEAR) {
      throw new RangeError(`Business clock: years ${FIRST_YEAR}–${LAST_YEAR} are supported, ${firstYear}–${lastYear} needed`);
    }
    const opens: number[] = [];
    const closes: number[] = [];
    for (let year = firstYear; year <= lastYear; year += 1) {
      const periods = this.periodsOf(year);
      opens.push(...periods.opens);
      closes.push(...periods.closes);
    }
    this.opens = Float64Array.from(opens);
    this.closes = Float64Array.from(closes);
    this.ends = new Float64Array(opens.length);
    let total = 0;
    for (let index = 0; index < opens.length; index += 1) {
      total += closes[index]! - opens[index]!;
      this.ends[index] = total;
    }
    this.firstUtcDay = dayNumber(firstYear, 1, 1) - 1;
    const lastUtcDay = dayNumber(lastYear + 1, 1, 1) + 1;
    this.dayIndex = new Int32Array(lastUtcDay - this.firstUtcDay + 1);
    let next = 0;
    for (let day = this.firstUtcDay; day <= lastUtcDay; day += 1) {
      while (next < opens.length && opens[next]! < day * DAY_MS) next += 1;
      this.dayIndex[day - this.firstUtcDay] = next;
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.safeFrom = (dayNumber(firstYear, 1, 1) + 1) * DAY_MS;
    this.safeTo = (dayNumber(lastYear + 1, 1, 1) - 1) * DAY_MS;
  }

  private periodsOf(year: number): YearPeriods {
    const cached = this.yearCache.get(year);
    if (cached) return cached;
    const { timeZone, openMinute, closeMinute, isWorkday, holidays } = this.rules;
    const periods: YearPeriods = { opens: [], closes: [] };
    for (let day = dayNumber(year, 1, 1); day < dayNumber(year + 1, 1, 1); day += 1) {
      if (!isWorkday[isoWeekday(day)] || holidays.has(formatDay(day))) continue;
      const open = localTimeToUtc(timeZone, day, openMinute);
      const close = localTimeToUtc(timeZone, day, closeMinute);
      // A day whose hours vanish into a clock change has no business time.
      if (close <= open) continue;
      periods.opens.push(open);
      periods.closes.push(close);
    }
    this.yearCache.set(year, periods);
    return periods;
  }
}

const byCalendar = new WeakMap<BusinessCalendar, BusinessTimeline>();
/** Calendars rebuilt from settings on each request are new objects with the same content. */
const byContent = new Map<string, BusinessTimeline>();
const MAX_BY_CONTENT = 64;

function contentKey(calendar: BusinessCalendar): string {
  return JSON.stringify([calendar.timeZone, calendar.open, calendar.close, calendar.workdays, [...calendar.holidays].sort()]);
}

export function timelineFor(calendar: BusinessCalendar): BusinessTimeline {
  const known = byCalendar.get(calendar);
  if (known) return known;
  const key = contentKey(calendar);
  let timeline = byContent.get(key);
  if (!timeline) {
    timeline = new BusinessTimeline(calendarRules(calendar));
    if (byContent.size >= MAX_BY_CONTENT) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, timeline);
  }
  byCalendar.set(calendar, timeline);
  return timeline;
}
