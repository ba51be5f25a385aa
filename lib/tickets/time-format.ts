// Times on the ticket page, in the viewer's time zone. Pure, so the server renders exactly what the
// browser will (given the zone the browser reported in the `tz` cookie) and nothing jumps on hydration.

export const DEFAULT_TIME_ZONE = "Europe/London";
export const TIME_ZONE_COOKIE = "tz";

const formatters = new Map<string, { short: Intl.DateTimeFormat; full: Intl.DateTimeFormat }>();

function formattersFor(zone: string) {
  let found = formatters.get(zone);
  if (!found) {
    found = {
      short: new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
      full: new Intl.DateTimeFormat("en-GB", { timeZone: zone, dateStyle: "full", timeStyle: "long" }),
    };
    formatters.set(zone, found);
  }
  return found;
}

/** The zone if the runtime knows it, else London (the support team's own). */
export function validTimeZone(zone: string | null | undefined): string {
  if (!zone) return DEFAULT_TIME_ZONE;
  try {
    formattersFor(zone);
    return zone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** "Tue 24 Nov, 10:04". */
export function formatShort(date: Date, zone: string): string {
  return formattersFor(zone).short.format(date);
}

/** "Tuesday 24 November 2026 at 10:04:12 GMT". */
export function formatFull(date: Date, zone: string): string {
  return formattersFor(zone).full.format(date);
}
