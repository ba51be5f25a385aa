// Europe/London wall-clock arithmetic for the generator, so that generated team replies land in
// FlowForge's business hours (09:00-17:00, Monday-Friday) with the right GMT/BST offset.
// The UK rule (since 1996): BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October. Computed directly because Intl is far slower and this runs per ticket.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY + HOUR;
}

/** The last year asked about, with its BST period: the generator asks millions of times. */
let cachedYear = { from: 0, to: -1, bstStart: 0, bstEnd: 0 };

function londonOffsetMs(utcMs: number): number {
  if (utcMs < cachedYear.from || utcMs >= cachedYear.to) {
    const year = new Date(utcMs).getUTCFullYear();
    cachedYear = {
      from: Date.UTC(year, 0, 1),
      to: Date.UTC(year + 1, 0, 1),
      bstStart: lastSundayAt0100Utc(year, 2),
      bstEnd: lastSundayAt0100Utc(year, 9),
    };
  }
  return utcMs >= cachedYear.bstStart && utcMs < cachedYear.bstEnd ? HOUR : 0;
}

/** London local time expressed as a fake-UTC millisecond count (use getUTC* on it). */
function toLocal(utcMs: number): number {
  return utcMs + londonOffsetMs(utcMs);
}

/** The UTC instant of a London wall-clock time given as fake-UTC ms. */
function fromLocal(localMs: number): number {
  // The offset an hour either side of a switch can differ; business hours never touch 01:00.
  return localMs - londonOffsetMs(localMs - HOUR);
}

function isWeekday(localMs: number): boolean {
  // 1 January 1970 was a Thursday (day 4 of the week, Sunday being 0).
  const day = (((Math.floor(localMs / DAY) + 4) % 7) + 7) % 7;
  return day >= 1 && day <= 5;
}

export function isBusinessTime(utcMs: number): boolean {
  const local = toLocal(utcMs);
  if (!isWeekday(local)) return false;
  const hour = Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR);
  return hour >= OPEN_HOUR && hour < CLOSE_HOUR;
}

/** The instant itself when inside business hours, else the next opening. */
export function nextBusinessStart(utcMs: number): number {
  if (isBusinessTime(utcMs)) return utcMs;
  const local = toLocal(utcMs);
  let midnight = Math.floor(local / DAY) * DAY;
  if (local - midnight >= OPEN_HOUR * HOUR) midnight += DAY;
  while (!isWeekday(midnight)) midnight += DAY;
  return fromLocal(midnight + OPEN_HOUR * HOUR);
}

/** Adds working time: minutes only count while the office is open. */
export function addBusinessMinutes(utcMs: number, minutes: number): number {
  let at = nextBusinessStart(utcMs);
  let left = minutes * 60_000;
  for (;;) {
    const local = toLocal(at);
    const closing = fromLocal(Math.floor(local / DAY) * DAY + CLOSE_HOUR * HOUR);
    if (at + left <= closing) return at + left;
    left -= closing - at;
    at = nextBusinessStart(closing);
  }
}

/** The London calendar date (YYYY-MM-DD), used to reset daily rate limits at local midnight. */
export function londonDate(utcMs: number): string {
  return new Date(toLocal(utcMs)).toISOString().slice(0, 10);
}
