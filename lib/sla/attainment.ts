import { FLOWFORGE_CALENDAR } from "@/lib/sla/business-calendar";
import { formatDay, isoWeek } from "@/lib/sla/civil-date";
import type { SlaState } from "@/lib/sla/sla-state";
import { localDayOf } from "@/lib/sla/time-zone";

// First-response attainment, the figure help desks report against the 95% anchor: of the tickets
// whose outcome is known, the share answered in time. Tickets still waiting inside their target
// are pending and left out of the percentage until they are met or breached; not_applicable
// tickets never count. A ticket belongs to the London ISO week in which it was created.

export interface AttainmentTicket<Tier extends string> {
  createdAt: Date;
  state: SlaState;
  tier: Tier;
}

export interface AttainmentCounts {
  met: number;
  /** met_late or breached. */
  missed: number;
  /** running, due_soon or paused. */
  pending: number;
  /** met / (met + missed) × 100, or null with nothing decided. */
  percent: number | null;
}

export interface AttainmentWeek<Tier extends string> {
  /** ISO week label, e.g. "2026-W14". */
  week: string;
  /** The week's Monday (London date, YYYY-MM-DD). */
  startsOn: string;
  overall: AttainmentCounts;
  byTier: Partial<Record<Tier, AttainmentCounts>>;
}

const OUTCOME: Record<SlaState, keyof Omit<AttainmentCounts, "percent"> | null> = {
  met: "met",
  met_late: "missed",
  breached: "missed",
  running: "pending",
  due_soon: "pending",
  paused: "pending",
  not_applicable: null,
};

function emptyCounts(): AttainmentCounts {
  return { met: 0, missed: 0, pending: 0, percent: null };
}

function count(counts: AttainmentCounts, outcome: keyof Omit<AttainmentCounts, "percent">): void {
  counts[outcome] += 1;
  const decided = counts.met + counts.missed;
  counts.percent = decided === 0 ? null : (counts.met / decided) * 100;
}

/** The last `weeks` London ISO weeks up to and including the one holding `now`, oldest first. */
export function attainmentByWeek<Tier extends string>(
  tickets: Iterable<AttainmentTicket<Tier>>,
  now: Date,
  weeks: number,
  timeZone: string = FLOWFORGE_CALENDAR.timeZone,
): AttainmentWeek<Tier>[] {
  const currentMonday = isoWeek(localDayOf(timeZone, now.getTime())).monday;
  const firstMonday = currentMonday - 7 * (weeks - 1);
  const result = Array.from({ length: Math.max(weeks, 0) }, (_, index): AttainmentWeek<Tier> => {
    const monday = firstMonday + 7 * index;
    const { year, week } = isoWeek(monday);
    return { week: `${year}-W${String(week).padStart(2, "0")}`, startsOn: formatDay(monday), overall: emptyCounts(), byTier: {} };
  });
  for (const ticket of tickets) {
    const outcome = OUTCOME[ticket.state];
    const index = (isoWeek(localDayOf(timeZone, ticket.createdAt.getTime())).monday - firstMonday) / 7;
    const bucket = result[index];
    if (outcome === null || !bucket) continue;
    count(bucket.overall, outcome);
    count((bucket.byTier[ticket.tier] ??= emptyCounts()), outcome);
  }
  return result;
}
