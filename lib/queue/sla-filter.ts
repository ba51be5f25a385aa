import { Prisma } from "@/lib/generated/prisma/client";
import { slaStatus, type SlaState, type SlaStatus } from "@/lib/sla/sla-state";
import { calendarFor, type CalendarPhase, type SlaConfig } from "@/lib/queue/sla-config";

// A ticket's SLA state at a moment, from its stored fields: in TypeScript for the rows a page
// shows (lib/sla's slaStatus, the source of truth), and as SQL for filtering a whole table. They
// agree because the stored instants are where slaStatus changes its answer (derive-fields.ts):
// breached after sla_breach_at, due soon from sla_due_soon_at while the calendar is open,
// paused while it is closed; met or met late once the first response is in the past.

export const SLA_STATES = ["breached", "due_soon", "running", "paused", "met", "met_late", "not_applicable"] as const satisfies readonly SlaState[];

export interface StoredSla {
  openedAt: Date;
  slaApplies: boolean;
  slaTargetMinutes: number | null;
  slaCalendarKey: string | null;
  firstResponseAt: Date | null;
}

export function storedSlaStatus(ticket: StoredSla, config: SlaConfig, now: Date): SlaStatus {
  return slaStatus({
    createdAt: ticket.openedAt,
    firstResponseAt: ticket.firstResponseAt,
    now,
    applicable: ticket.slaApplies && ticket.slaTargetMinutes !== null,
    ...(ticket.slaTargetMinutes !== null ? { targetMinutes: ticket.slaTargetMinutes } : {}),
    dueSoonMinutes: config.dueSoonMinutes,
    calendar: calendarFor(config, ticket.slaCalendarKey),
  });
}

/** The calendars open at the moment, for the SQL below. */
export function openCalendarKeys(phases: Map<string, CalendarPhase>): string[] {
  return [...phases].filter(([, phase]) => phase.open).map(([key]) => key);
}

/** SQL (on tickets aliased `t`) true exactly for the tickets in `state` at `now`. */
export function slaStateCondition(state: SlaState, now: Date, openKeys: string[]): Prisma.Sql {
  const awaiting = Prisma.sql`t.sla_applies AND (t.first_response_at IS NULL OR t.first_response_at > ${now}::timestamptz)`;
  const notBreached = Prisma.sql`${awaiting} AND t.sla_breach_at >= ${now}::timestamptz`;
  const calendarOpen = Prisma.sql`t.sla_calendar_key = ANY(${openKeys}::text[])`;
  switch (state) {
    case "breached":
      return Prisma.sql`(${awaiting} AND t.sla_breach_at < ${now}::timestamptz)`;
    case "paused":
      return Prisma.sql`(${notBreached} AND NOT ${calendarOpen})`;
    case "due_soon":
      return Prisma.sql`(${notBreached} AND ${calendarOpen} AND t.sla_due_soon_at <= ${now}::timestamptz)`;
    case "running":
      return Prisma.sql`(${notBreached} AND ${calendarOpen} AND t.sla_due_soon_at > ${now}::timestamptz)`;
    case "met":
      return Prisma.sql`(t.sla_applies AND t.first_response_at <= ${now}::timestamptz AND t.first_response_on_time)`;
    case "met_late":
      return Prisma.sql`(t.sla_applies AND t.first_response_at <= ${now}::timestamptz AND NOT t.first_response_on_time)`;
    case "not_applicable":
      return Prisma.sql`(NOT t.sla_applies)`;
  }
}
