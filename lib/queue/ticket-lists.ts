import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/queue/load-config";
import type { CalendarPhase, SlaConfig } from "@/lib/queue/sla-config";
import { TICKET_ROW_COLUMNS, TICKET_ROW_JOINS, toTicketListRow, type TicketListRow, type TicketRowRaw } from "@/lib/queue/ticket-rows";

/** At most this many are counted: beyond it the screens say "1,000+" instead of counting the table. */
export const COUNT_CAP = 1000;

export interface TicketList {
  rows: TicketListRow[];
  /** Exact up to COUNT_CAP, then COUNT_CAP with `more`. */
  count: number;
  more: boolean;
}

export interface ListContext {
  config: SlaConfig;
  phases: Map<string, CalendarPhase>;
  now: Date;
}

/** Open tickets matching `where` (on tickets `t`), the most urgent first, with a capped count. */
export async function openTicketList(db: Db, where: Prisma.Sql, limit: number, context: ListContext): Promise<TicketList> {
  const [raw, counted] = await Promise.all([
    db.$queryRaw<TicketRowRaw[]>`
      SELECT ${TICKET_ROW_COLUMNS}
      FROM (SELECT * FROM tickets t WHERE t.is_open AND ${where} ORDER BY t.urgency_rank, t.urgency_at, t.id LIMIT ${limit}) t
      ${TICKET_ROW_JOINS}
      ORDER BY t.urgency_rank, t.urgency_at, t.id`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets t WHERE t.is_open AND ${where} LIMIT ${COUNT_CAP + 1}) capped`,
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    rows: raw.map((row) => toTicketListRow(row, context.config, context.phases, context.now)),
    count: Math.min(n, COUNT_CAP),
    more: n > COUNT_CAP,
  };
}
