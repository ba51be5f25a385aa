import { FLOWFORGE_CALENDAR, type BusinessCalendar } from "@/lib/sla/business-calendar";
import { timelineFor } from "@/lib/sla/business-timeline";
import { MINUTE_MS } from "@/lib/sla/civil-date";
import { DUE_SOON_MINUTES, FIRST_RESPONSE_TARGET_MINUTES } from "@/lib/sla/targets";

export type SlaState = "running" | "paused" | "due_soon" | "breached" | "met" | "met_late" | "not_applicable";

export interface SlaInput {
  createdAt: Date;
  firstResponseAt: Date | null;
  now: Date;
  /** Business minutes allowed for the first response (an Enterprise arrangement may change it). */
  targetMinutes?: number;
  dueSoonMinutes?: number;
  calendar?: BusinessCalendar;
  /** False when no SLA applies: Community tier, or a question out of scope. */
  applicable?: boolean;
}

export interface SlaStatus {
  state: SlaState;
  dueAt: Date | null;
  /**
   * Business minutes left before the due time: counted at the response for met and met_late,
   * at `now` otherwise; negative once overdue; null when not applicable.
   */
  businessMinutesLeft: number | null;
  /** Paused only: the opening at which the clock starts again. */
  resumesAt?: Date;
  /** Paused only: when the clock stopped (the last closing, or creation if it has not run yet). */
  pausedSince?: Date;
}

/**
 * The first-response timer of one ticket at `now`. Everything is measured in business time, so
 * time outside business hours can never breach a ticket or make a response late:
 * - met: the response came with at most `targetMinutes` of business time used — at or before the
 *   due time, or while closed right after a due time that fell at closing; met_late otherwise.
 * - breached: unanswered and more than `targetMinutes` of business time have passed. A ticket due
 *   at 17:00 is not breached over the evening or weekend, only once business time resumes.
 * - paused: unanswered, not breached, and the business clock is closed now.
 * - due_soon: running with at most `dueSoonMinutes` left; running: the rest.
 * A response dated after `now` has not happened yet as far as this answer is concerned.
 */
export function slaStatus(input: SlaInput): SlaStatus {
  if (input.applicable === false) return { state: "not_applicable", dueAt: null, businessMinutesLeft: null };
  const timeline = timelineFor(input.calendar ?? FLOWFORGE_CALENDAR);
  const created = input.createdAt.getTime();
  const now = Math.max(input.now.getTime(), created);
  const target = (input.targetMinutes ?? FIRST_RESPONSE_TARGET_MINUTES) * MINUTE_MS;
  const dueAt = new Date(timeline.add(created, target));
  const responded = input.firstResponseAt?.getTime() ?? null;

  if (responded !== null && responded <= now) {
    const left = target - timeline.between(created, Math.max(responded, created));
    return { state: left >= 0 ? "met" : "met_late", dueAt, businessMinutesLeft: left / MINUTE_MS };
  }
  const left = target - timeline.between(created, now);
  const businessMinutesLeft = left / MINUTE_MS;
  if (left < 0) return { state: "breached", dueAt, businessMinutesLeft };
  if (!timeline.isOpen(now)) {
    return {
      state: "paused",
      dueAt,
      businessMinutesLeft,
      resumesAt: new Date(timeline.nextOpening(now)),
      pausedSince: new Date(Math.max(created, timeline.previousClosing(now) ?? created)),
    };
  }
  const dueSoon = (input.dueSoonMinutes ?? DUE_SOON_MINUTES) * MINUTE_MS;
  return { state: left <= dueSoon ? "due_soon" : "running", dueAt, businessMinutesLeft };
}
