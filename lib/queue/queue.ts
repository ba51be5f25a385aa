import { Prisma } from "@/lib/generated/prisma/client";
import { loadSlaConfig, type Db } from "@/lib/queue/load-config";
import { decodeCursor, encodeCursor, type QueueCursor, type QueueQuery } from "@/lib/queue/queue-params";
import { calendarPhases, DEFAULT_CALENDAR_KEY, type CalendarPhase, type SlaConfig } from "@/lib/queue/sla-config";
import { openCalendarKeys, slaStateCondition } from "@/lib/queue/sla-filter";
import { ownerName, TICKET_ROW_COLUMNS, TICKET_ROW_JOINS, toTicketListRow, type TicketListRow, type TicketRowRaw } from "@/lib/queue/ticket-rows";

// The queue: every open ticket, filtered and sorted on stored columns through indexes that match
// each sort (is_open first, then the sort key, then id), paged by keyset. No OFFSET and no count,
// so the hundredth page costs what the first does.

export interface QueuePage {
  rows: TicketListRow[];
  /** The `after` token of the next page, or null on the last one. */
  next: string | null;
  now: Date;
  dueSoonMinutes: number;
  /** FlowForge's business hours at `now`: open until the closing, or closed until the opening. */
  businessHours: CalendarPhase;
}

const ORDER: Record<QueueQuery["sort"], { order: Prisma.Sql; after: (cursor: QueueCursor) => Prisma.Sql }> = {
  urgent: {
    order: Prisma.sql`t.urgency_rank ASC, t.urgency_at ASC, t.id ASC`,
    after: (c) => Prisma.sql`(t.urgency_rank, t.urgency_at, t.id) > (${c.sort === "urgent" ? c.rank : 0}::smallint, ${new Date(c.at)}::timestamptz, ${c.id})`,
  },
  oldest: {
    order: Prisma.sql`t.opened_at ASC, t.id ASC`,
    after: (c) => Prisma.sql`(t.opened_at, t.id) > (${new Date(c.at)}::timestamptz, ${c.id})`,
  },
  newest: {
    order: Prisma.sql`t.opened_at DESC, t.id DESC`,
    after: (c) => Prisma.sql`(t.opened_at, t.id) < (${new Date(c.at)}::timestamptz, ${c.id})`,
  },
  updated: {
    order: Prisma.sql`t.hs_last_modified_at DESC, t.id DESC`,
    after: (c) => Prisma.sql`(t.hs_last_modified_at, t.id) < (${new Date(c.at)}::timestamptz, ${c.id})`,
  },
};

function cursorOf(row: TicketListRow, sort: QueueQuery["sort"]): QueueCursor {
  switch (sort) {
    case "urgent":
      return { sort, rank: row.urgencyRank, at: row.urgencyAt.toISOString(), id: row.id };
    case "oldest":
    case "newest":
      return { sort, at: row.openedAt.toISOString(), id: row.id };
    case "updated":
      return { sort, at: row.lastModifiedAt.toISOString(), id: row.id };
  }
}

export async function loadQueue(
  db: Db,
  query: QueueQuery,
  now: Date,
  options: { pageSize?: number; config?: SlaConfig } = {},
): Promise<QueuePage> {
  const pageSize = options.pageSize ?? query.size;
  const config = options.config ?? (await loadSlaConfig(db));
  const phases = calendarPhases(config, now);
  const conditions: Prisma.Sql[] = [Prisma.sql`t.is_open`];
  if (query.tier) conditions.push(Prisma.sql`t.tier = ${query.tier}::"CustomerTier"`);
  if (query.stage) {
    const [pipelineId, stageId] = query.stage.split(":");
    conditions.push(Prisma.sql`t.pipeline_id = ${pipelineId} AND t.stage_id = ${stageId}`);
  }
  if (query.owner === "none") conditions.push(Prisma.sql`t.owner_id IS NULL`);
  else if (query.owner) conditions.push(Prisma.sql`t.owner_id = ${query.owner}`);
  if (query.sla) conditions.push(slaStateCondition(query.sla, now, openCalendarKeys(phases)));
  const sort = ORDER[query.sort];
  const cursor = decodeCursor(query.after, query.sort);
  if (cursor) conditions.push(sort.after(cursor));

  const raw = await db.$queryRaw<TicketRowRaw[]>`
    SELECT ${TICKET_ROW_COLUMNS}
    FROM (SELECT * FROM tickets t WHERE ${Prisma.join(conditions, " AND ")} ORDER BY ${sort.order} LIMIT ${pageSize + 1}) t
    ${TICKET_ROW_JOINS}
    ORDER BY ${sort.order}`;
  const rows = raw.slice(0, pageSize).map((row) => toTicketListRow(row, config, phases, now));
  const last = rows.at(-1);
  return {
    rows,
    next: raw.length > pageSize && last ? encodeCursor(cursorOf(last, query.sort)) : null,
    now,
    dueSoonMinutes: config.dueSoonMinutes,
    businessHours: phases.get(DEFAULT_CALENDAR_KEY)!,
  };
}

export interface QueueFilterOptions {
  stages: { value: string; label: string }[];
  owners: { value: string; label: string }[];
}

/** The open stages and the owners, for the filter menus. */
export async function loadQueueFilterOptions(db: Db): Promise<QueueFilterOptions> {
  const [stages, owners] = await Promise.all([
    db.pipelineStage.findMany({
      where: { ticketState: "OPEN", archived: false, pipeline: { archived: false } },
      include: { pipeline: { select: { label: true, displayOrder: true } } },
    }),
    db.owner.findMany({ where: { archived: false } }),
  ]);
  const multiplePipelines = new Set(stages.map((stage) => stage.pipelineId)).size > 1;
  return {
    stages: stages
      .sort((a, b) => a.pipeline.displayOrder - b.pipeline.displayOrder || a.displayOrder - b.displayOrder)
      .map((stage) => ({ value: `${stage.pipelineId}:${stage.id}`, label: multiplePipelines ? `${stage.pipeline.label}: ${stage.label}` : stage.label })),
    owners: owners
      .map((owner) => ({ value: owner.id, label: ownerName(owner.firstName, owner.lastName, owner.email, owner.id) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
