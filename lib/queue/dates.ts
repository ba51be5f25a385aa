// Instants as the SLA screens show them: in UK time, where business hours are counted. Server
// side only: the browser receives the text, so that no time zone or ICU difference can change it.

const short = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const timeOnly = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" });
const dayOnly = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short", day: "numeric", month: "short", year: "numeric" });

/** "Mon 16 Mar, 14:00", or "14:00" for later the same London day as `now`. */
export function formatUkInstant(date: Date, now?: Date): string {
  if (now && dayOnly.format(date) === dayOnly.format(now)) return timeOnly.format(date);
  return short.format(date);
}

/** "Thu 2 Apr 2026" for a YYYY-MM-DD London date. */
export function formatUkDay(day: string): string {
  return dayOnly.format(new Date(`${day}T12:00:00Z`));
}
