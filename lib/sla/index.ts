import { addBusinessMinutes, businessMinutesBetween as minutesBetween } from "@/lib/sla/business-hours";
import { FIRST_RESPONSE_TARGET_MINUTES } from "@/lib/sla/targets";

// FlowForge's default clock: 09:00–17:00 Europe/London, Monday–Friday, without England and Wales
// bank holidays. Other calendars and targets go through lib/sla/business-hours.ts and sla-state.ts.

/** When the first response to a ticket created at `createdAt` is due (4 business hours). */
export function firstResponseDueAt(createdAt: Date): Date {
  return addBusinessMinutes(createdAt, FIRST_RESPONSE_TARGET_MINUTES);
}

/** Business minutes in [start, end) on FlowForge's calendar. */
export function businessMinutesBetween(start: Date, end: Date): number {
  return minutesBetween(start, end);
}
