import { Prisma } from "@/lib/generated/prisma/client";
import { attainmentByWeek, type AttainmentWeek } from "@/lib/sla/attainment";
import type { SlaState } from "@/lib/sla/sla-state";
import { STALE_AFTER_MS } from "@/lib/sla/stale";
import type { Tier } from "@/lib/tiers/tier";
import { CUSTOMER_SOURCES } from "@/lib/queue/derive-fields";
import { loadSlaConfig, type Db } from "@/lib/queue/load-config";
import { calendarPhases, DEFAULT_CALENDAR_KEY, type CalendarPhase } from "@/lib/queue/sla-config";
import { openCalendarKeys, slaStateCondition } from "@/lib/queue/sla-filter";
import { COUNT_CAP, openTicketList, type ListContext, type TicketList } from "@/lib/queue/ticket-lists";
import { TICKET_ROW_COLUMNS, TICKET_ROW_JOINS, toTicketListRow, type TicketListRow, type TicketRowRaw } from "@/lib/queue/ticket-rows";

// The SLA screen: what needs attention now (breached, due soon, paused, stale) and how the team
// has done (recent first responses, attainment per week and tier).

export const ATTAINMENT_WEEKS = 12;
const LIST_LIMIT = 10;

export interface StaleRow extends TicketListRow {
  staleSince: Date;
  /** When the stale finder recorded this period's alert (null: not yet, it runs every minute). */
  alertedAt: Date | null;
}

export interface SlaOverview {
  now: Date;
  dueSoonMinutes: number;
  /** FlowForge's own calendar right now. */
  phase: CalendarPhase;
  breached: TicketList;
  dueSoon: TicketList;
  paused: TicketList;
  stale: { rows: StaleRow[]; count: number; more: boolean };
  history: TicketListRow[];
  attainment: AttainmentWeek<Tier>[];
}

export async function loadSlaOverview(db: Db, now: Date): Promise<SlaOverview> {
  const config = await loadSlaConfig(db);
  const phases = calendarPhases(config, now);
  const open = openCalendarKeys(phases);
  const context: ListContext = { config, phases, now };
  const state = (name: SlaState) => slaStateCondition(name, now, open);
  const [breached, dueSoon, paused, stale, history, attainment] = await Promise.all([
    openTicketList(db, state("breached"), LIST_LIMIT, context),
    openTicketList(db, state("due_soon"), LIST_LIMIT, context),
    openTicketList(db, state("paused"), LIST_LIMIT, context),
    loadStale(db, context),
    loadHistory(db, context),
    loadAttainment(db, now),
  ]);
  return {
    now,
    dueSoonMinutes: config.dueSoonMinutes,
    phase: phases.get(DEFAULT_CALENDAR_KEY)!,
    breached,
    dueSoon,
    paused,
    stale,
    history,
    attainment,
  };
}

async function loadStale(db: Db, context: ListContext): Promise<SlaOverview["stale"]> {
  const cutoff = new Date(context.now.getTime() - STALE_AFTER_MS);
  const where = Prisma.sql`t.is_open AND t.source_type = ANY(${[...CUSTOMER_SOURCES]}::text[]) AND t.hs_last_modified_at < ${cutoff}::timestamptz`;
  const [raw, counted] = await Promise.all([
    db.$queryRaw<(TicketRowRaw & { alertedAt: Date | null })[]>`
      SELECT ${TICKET_ROW_COLUMNS}, a.detected_at AS "alertedAt"
      FROM (SELECT * FROM tickets t WHERE ${where} ORDER BY t.hs_last_modified_at, t.id LIMIT ${LIST_LIMIT}) t
      ${TICKET_ROW_JOINS}
      LEFT JOIN stale_alerts a ON a.ticket_id = t.id AND a.last_updated_at = t.hs_last_modified_at
      ORDER BY t.hs_last_modified_at, t.id`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets t WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`,
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    rows: raw.map((row) => ({
      ...toTicketListRow(row, context.config, context.phases, context.now),
      staleSince: new Date(row.lastModifiedAt.getTime() + STALE_AFTER_MS),
      alertedAt: row.alertedAt,
    })),
    count: Math.min(n, COUNT_CAP),
    more: n > COUNT_CAP,
  };
}

/** The latest first responses, met or late, open tickets or not. */
async function loadHistory(db: Db, context: ListContext): Promise<TicketListRow[]> {
  const raw = await db.$queryRaw<TicketRowRaw[]>`
    SELECT ${TICKET_ROW_COLUMNS}
    FROM (SELECT * FROM tickets t WHERE t.sla_applies AND t.first_response_at <= ${context.now}::timestamptz
          ORDER BY t.first_response_at DESC LIMIT 15) t
    ${TICKET_ROW_JOINS}
    ORDER BY t.first_response_at DESC`;
  return raw.map((row) => toTicketListRow(row, context.config, context.phases, context.now));
}

/**
 * First-response outcomes of the tickets created in the last weeks. A ticket closed unanswered
 * is judged at its closing: closed in time, it never counts (it is left pending); closed after
 * its breach, it is a miss.
 */
async function loadAttainment(db: Db, now: Date): Promise<AttainmentWeek<Tier>[]> {
  const since = new Date(now.getTime() - (ATTAINMENT_WEEKS + 1) * 7 * 24 * 3_600_000);
  const rows = await db.$queryRaw<{ openedAt: Date; tier: Tier; state: SlaState }[]>`
    SELECT t.opened_at AS "openedAt", t.tier::text AS tier,
      CASE
        WHEN NOT t.sla_applies THEN 'not_applicable'
        WHEN t.first_response_at <= ${now}::timestamptz THEN CASE WHEN t.first_response_on_time THEN 'met' ELSE 'met_late' END
        WHEN t.sla_breach_at < LEAST(${now}::timestamptz, CASE WHEN t.is_open THEN ${now}::timestamptz ELSE COALESCE(t.closed_at, t.archived_at, ${now}::timestamptz) END)
          THEN 'breached'
        ELSE 'running'
      END AS state
    FROM tickets t
    WHERE t.opened_at >= ${since}::timestamptz AND t.tier IS NOT NULL`;
  return attainmentByWeek(
    rows.map((row) => ({ createdAt: row.openedAt, tier: row.tier, state: row.state })),
    now,
    ATTAINMENT_WEEKS,
  );
}
