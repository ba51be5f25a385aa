import type { SyncRunKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/sync/deps";
import { readState, STATE } from "@/lib/sync/state";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";

// What the sync-health screen and the home page show: read from Postgres only (the sync tables
// and pg-boss's), never from HubSpot, so the page is fast and works while HubSpot is down.

export interface RunSummary {
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  itemsSeen: number;
  itemsChanged: number;
  requests: number;
  error: string | null;
}

export interface QueueSummary {
  name: string;
  label: string;
  queued: number;
  active: number;
  retrying: number;
  failed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  state: "failed" | "retry";
  at: Date | null;
  retries: number;
  error: string;
}

export interface SyncHealth {
  backfill: {
    status: "NEVER" | "RUNNING" | "COMPLETED";
    startedAt: Date | null;
    completedAt: Date | null;
    durationMs: number | null;
    ticketsStored: number;
    ticketsEstimated: number | null;
    rangesDone: number;
    rangesPlanned: number;
    lastError: string | null;
    lastErrorAt: Date | null;
  };
  lastBackfillRun: RunSummary | null;
  lastReconcile: RunSummary | null;
  lastSuccessfulReconcile: RunSummary | null;
  lastThreads: RunSummary | null;
  lastWebhooks: RunSummary | null;
  watermarks: { type: "tickets" | "contacts" | "companies"; at: Date | null; id: string | null }[];
  lastDeletionSweepAt: Date | null;
  webhooks: {
    lastReceivedAt: Date | null;
    unprocessed: number;
    oldestUnprocessedAt: Date | null;
    lagMs: number;
    gaveUp: number;
    recentErrors: { eventId: string; type: string; receivedAt: Date; attempts: number; error: string }[];
  };
  queues: QueueSummary[] | null;
  failedJobs: FailedJob[];
  lastSuccessfulSyncAt: Date | null;
}

const QUEUE_LABELS: Record<string, string> = {
  [HUBSPOT_QUEUES.backfill.name]: "Backfill",
  [HUBSPOT_QUEUES.reconcile.name]: "Reconciliation",
  [HUBSPOT_QUEUES.applyWebhooks.name]: "Webhook events",
  [HUBSPOT_QUEUES.fetchThread.name]: "Conversation threads",
  [HUBSPOT_QUEUES.fetchNotes.name]: "Ticket notes",
  [HUBSPOT_QUEUES.write.name]: "Notes, replies and ticket changes",
};

async function lastRun(db: Db, kind: SyncRunKind, onlySucceeded = false): Promise<RunSummary | null> {
  const run = await db.syncRun.findFirst({ where: { kind, ...(onlySucceeded ? { status: "SUCCEEDED" } : {}) }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  return {
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    status: run.status,
    itemsSeen: run.itemsSeen,
    itemsChanged: run.itemsChanged,
    requests: run.requests,
    error: run.error,
  };
}

export async function readSyncHealth(db: Db, now = new Date()): Promise<SyncHealth> {
  const [backfillState, partitions, lastBackfillRun, lastReconcile, lastSuccessfulReconcile, lastThreads, lastWebhooks, deletions] = await Promise.all([
    readState(db, STATE.backfill),
    db.syncPartition.aggregate({ where: { stateKey: STATE.backfill }, _sum: { items: true }, _count: { _all: true } }),
    lastRun(db, "BACKFILL"),
    lastRun(db, "RECONCILE"),
    lastRun(db, "RECONCILE", true),
    lastRun(db, "THREADS"),
    lastRun(db, "WEBHOOKS"),
    readState(db, STATE.deletions),
  ]);
  const rangesDone = await db.syncPartition.count({ where: { stateKey: STATE.backfill, doneAt: { not: null } } });
  const watermarks = await Promise.all(
    (["tickets", "contacts", "companies"] as const).map(async (type) => {
      const state = await readState(db, STATE.reconcile[type]);
      return { type, at: state?.watermarkAt ?? null, id: state?.watermarkId ?? null };
    }),
  );
  const details = (backfillState?.details ?? {}) as { survey?: { tickets: number } };
  const backfill: SyncHealth["backfill"] = {
    status: backfillState?.completedAt ? "COMPLETED" : backfillState?.startedAt ? "RUNNING" : "NEVER",
    startedAt: backfillState?.startedAt ?? null,
    completedAt: backfillState?.completedAt ?? null,
    durationMs: backfillState?.startedAt && backfillState.completedAt ? backfillState.completedAt.getTime() - backfillState.startedAt.getTime() : null,
    ticketsStored: partitions._sum.items ?? 0,
    ticketsEstimated: details.survey?.tickets ?? null,
    rangesDone,
    rangesPlanned: partitions._count._all,
    lastError: backfillState?.lastError ?? null,
    lastErrorAt: backfillState?.lastErrorAt ?? null,
  };

  const [received, pending, gaveUp, recentErrors] = await Promise.all([
    db.webhookEvent.findFirst({ where: { source: "HUBSPOT" }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    db.webhookEvent.aggregate({ where: { source: "HUBSPOT", processedAt: null }, _count: { _all: true }, _min: { receivedAt: true } }),
    db.webhookEvent.count({ where: { source: "HUBSPOT", processedAt: { not: null }, error: { not: null } } }),
    db.webhookEvent.findMany({
      where: { source: "HUBSPOT", error: { not: null } },
      orderBy: { receivedAt: "desc" },
      take: 5,
      select: { eventId: true, type: true, receivedAt: true, attempts: true, error: true },
    }),
  ]);
  const oldestUnprocessedAt = pending._min.receivedAt ?? null;
  const { queues, failedJobs } = await readQueues(db);
  return {
    backfill,
    lastBackfillRun,
    lastReconcile,
    lastSuccessfulReconcile,
    lastThreads,
    lastWebhooks,
    watermarks,
    lastDeletionSweepAt: deletions?.lastSuccessAt ?? null,
    webhooks: {
      lastReceivedAt: received?.receivedAt ?? null,
      unprocessed: pending._count._all,
      oldestUnprocessedAt,
      lagMs: oldestUnprocessedAt ? Math.max(0, now.getTime() - oldestUnprocessedAt.getTime()) : 0,
      gaveUp,
      recentErrors: recentErrors.map((event) => ({ ...event, error: event.error ?? "" })),
    },
    queues,
    failedJobs,
    lastSuccessfulSyncAt: await readLastSuccessfulSync(db),
  };
}

/** The latest of: the backfill completing, a reconciliation succeeding, webhook events applied. */
export async function readLastSuccessfulSync(db: Db): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT GREATEST(
      (SELECT completed_at FROM sync_states WHERE key = ${STATE.backfill}),
      (SELECT max(finished_at) FROM sync_runs WHERE kind = 'RECONCILE' AND status = 'SUCCEEDED'),
      (SELECT max(processed_at) FROM webhook_events WHERE source = 'HUBSPOT' AND error IS NULL)
    ) AS at`;
  return row?.at ?? null;
}

/** pg-boss's own tables; null when the worker never created them. */
async function readQueues(db: Db): Promise<{ queues: QueueSummary[] | null; failedJobs: FailedJob[] }> {
  const names = Object.keys(QUEUE_LABELS);
  try {
    const counts = await db.$queryRaw<{ name: string; state: string; count: number }[]>`
      SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job
      WHERE name = ANY(${names}::text[]) AND state IN ('created', 'retry', 'active', 'failed')
      GROUP BY name, state`;
    const failed = await db.$queryRaw<{ id: string; name: string; state: string; at: Date | null; retries: number; output: unknown }[]>`
      SELECT id::text, name, state::text AS state, COALESCE(completed_on, started_on, created_on) AS at, retry_count AS retries, output
      FROM pgboss.job WHERE name = ANY(${names}::text[]) AND state IN ('failed', 'retry')
      ORDER BY COALESCE(completed_on, started_on, created_on) DESC LIMIT 10`;
    const queues = names.map((name) => {
      const of = (state: string) => counts.find((row) => row.name === name && row.state === state)?.count ?? 0;
      return { name, label: QUEUE_LABELS[name]!, queued: of("created"), active: of("active"), retrying: of("retry"), failed: of("failed") };
    });
    return {
      queues,
      failedJobs: failed.map((job) => ({
        id: job.id,
        queue: QUEUE_LABELS[job.name] ?? job.name,
        state: job.state === "retry" ? "retry" : "failed",
        at: job.at,
        retries: job.retries,
        error: jobError(job.output),
      })),
    };
  } catch (error) {
    // 42P01: relation does not exist: pg-boss has not installed its schema yet.
    if (String((error as { message?: unknown }).message ?? "").includes("does not exist")) return { queues: null, failedJobs: [] };
    throw error;
  }
}

function jobError(output: unknown): string {
  if (output && typeof output === "object") {
    const message = (output as { message?: unknown }).message;
    if (typeof message === "string") return message;
    return JSON.stringify(output).slice(0, 500);
  }
  return typeof output === "string" ? output : "no details recorded";
}

export interface TicketCounts {
  open: number;
  closed: number;
  /** Live tickets, including any in a stage not synced yet. */
  total: number;
  contacts: number;
  companies: number;
}

/** Live tickets by state (a stage's ticketState), and the related records. */
export async function readTicketCounts(db: Db): Promise<TicketCounts> {
  const [row] = await db.$queryRaw<TicketCounts[]>`
    SELECT
      count(*) FILTER (WHERE s.ticket_state = 'OPEN')::int AS open,
      count(*) FILTER (WHERE s.ticket_state = 'CLOSED')::int AS closed,
      count(*)::int AS total,
      (SELECT count(*)::int FROM contacts WHERE archived_at IS NULL) AS contacts,
      (SELECT count(*)::int FROM companies WHERE archived_at IS NULL) AS companies
    FROM tickets t LEFT JOIN pipeline_stages s ON s.pipeline_id = t.pipeline_id AND s.id = t.stage_id
    WHERE t.archived_at IS NULL`;
  return row ?? { open: 0, closed: 0, total: 0, contacts: 0, companies: 0 };
}

/** Stale: no successful sync (backfill, reconciliation or webhook) within the threshold. */
export function isStale(lastSuccessfulSyncAt: Date | null, staleMinutes: number, now = new Date()): boolean {
  return lastSuccessfulSyncAt === null || now.getTime() - lastSuccessfulSyncAt.getTime() > staleMinutes * 60_000;
}

/** The latest tickets to arrive or change, newest first: shows at a glance that changes flow in. */
export async function readLatestTickets(db: Db, limit = 8) {
  return db.$queryRaw<{ id: string; subject: string | null; stage: string | null; state: "OPEN" | "CLOSED" | null; hsLastModifiedAt: Date; archivedAt: Date | null }[]>`
    SELECT t.id, t.subject, s.label AS stage, s.ticket_state::text AS state, t.hs_last_modified_at AS "hsLastModifiedAt", t.archived_at AS "archivedAt"
    FROM tickets t LEFT JOIN pipeline_stages s ON s.pipeline_id = t.pipeline_id AND s.id = t.stage_id
    ORDER BY t.hs_last_modified_at DESC LIMIT ${limit}`;
}
