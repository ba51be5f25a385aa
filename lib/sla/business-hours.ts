import { FLOWFORGE_CALENDAR, type BusinessCalendar } from "@/lib/sla/business-calendar";
import { timelineFor } from "@/lib/sla/business-timeline";
import { MINUTE_MS } from "@/lib/sla/civil-date";

// Business time is counted to the millisecond; minutes are the unit people read and configure.
// Periods are half-open: 09:00 is open, 17:00 is closed.

/** Business minutes in [start, end), fractional when the instants are; negative when end < start. */
export function businessMinutesBetween(start: Date, end: Date, calendar: BusinessCalendar = FLOWFORGE_CALENDAR): number {
  return timelineFor(calendar).between(start.getTime(), end.getTime()) / MINUTE_MS;
}

/**
 * The earliest instant by which `minutes` (≥ 0) of business time have passed since `start`. Time
 * outside business hours is skipped, so an out-of-hours start counts from the next opening, and
 * a total reached exactly at closing time gives the closing time, not the next opening.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar = FLOWFORGE_CALENDAR): Date {
  return new Date(timelineFor(calendar).add(start.getTime(), minutes * MINUTE_MS));
}

export function isWithinBusinessHours(at: Date, calendar: BusinessCalendar = FLOWFORGE_CALENDAR): boolean {
  return timelineFor(calendar).isOpen(at.getTime());
}

/** The first opening at or after `at` (so 09:00 on a workday is its own next opening). */
export function nextOpening(at: Date, calendar: BusinessCalendar = FLOWFORGE_CALENDAR): Date {
  return new Date(timelineFor(calendar).nextOpening(at.getTime()));
}
