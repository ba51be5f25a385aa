import { DAY_MS, MINUTE_MS } from "@/lib/sla/civil-date";

// Intl knows every zone's rules but costs microseconds per call, so it is asked only to find a
// year's offset changes once; after that an instant's offset is a lookup in a short list.

interface OffsetChange {
  /** UTC instant (ms) from which `offsetMs` applies. */
  at: number;
  offsetMs: number;
}

const SECOND_MS = 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const changesByZone = new Map<string, Map<number, readonly OffsetChange[]>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // Throws a RangeError for a zone the platform does not know, which is what callers want.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function intlOffsetMs(timeZone: string, second: number): number {
  const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(second)) {
    if (Object.hasOwn(wall, part.type)) wall[part.type as keyof typeof wall] = Number(part.value);
  }
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - second;
}

/**
 * A UTC year's offset changes, found by sampling once a day and bisecting to the second where
 * the offset differs. Assumes a zone changes its offset at most once in any 24 hours, as
 * real zones do (DST changes are months apart).
 */
function offsetChanges(timeZone: string, year: number): readonly OffsetChange[] {
  let years = changesByZone.get(timeZone);
  if (!years) changesByZone.set(timeZone, (years = new Map()));
  const cached = years.get(year);
  if (cached) return cached;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const changes: OffsetChange[] = [{ at: from, offsetMs: intlOffsetMs(timeZone, from) }];
  for (let sample = from + DAY_MS; sample < to + DAY_MS; sample += DAY_MS) {
    const previous = changes[changes.length - 1]!.offsetMs;
    const at = Math.min(sample, to - SECOND_MS);
    if (intlOffsetMs(timeZone, at) === previous) continue;
    let low = (at - DAY_MS) / SECOND_MS;
    let high = at / SECOND_MS;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (intlOffsetMs(timeZone, middle * SECOND_MS) === previous) low = middle;
      else high = middle;
    }
    changes.push({ at: high * SECOND_MS, offsetMs: intlOffsetMs(timeZone, high * SECOND_MS) });
  }
  years.set(year, changes);
  return changes;
}

/** The zone's offset from UTC (ms, positive east of Greenwich) at a UTC instant. */
export function offsetAt(timeZone: string, instant: number): number {
  const changes = offsetChanges(timeZone, new Date(instant).getUTCFullYear());
  let offset = changes[0]!.offsetMs;
  for (const change of changes) {
    if (change.at > instant) break;
    offset = change.offsetMs;
  }
  return offset;
}

/** The local date (day number) of a UTC instant in the zone. */
export function localDayOf(timeZone: string, instant: number): number {
  return Math.floor((instant + offsetAt(timeZone, instant)) / DAY_MS);
}

/**
 * The UTC instant of a local wall-clock time. Like Temporal's "compatible" disambiguation, a
 * time repeated when clocks go back means its first occurrence, and a time skipped when they go
 * forward moves forward by the gap (01:30 on a spring-forward night in London becomes 02:30 BST).
 */
export function localTimeToUtc(timeZone: string, dayNo: number, minuteOfDay: number): number {
  const wall = dayNo * DAY_MS + minuteOfDay * MINUTE_MS;
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  return early;
}
