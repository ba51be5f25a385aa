import type { Prisma } from "@/lib/generated/prisma/client";
import type { SyncRunKind } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/sync/deps";

/** Sync streams, one row each in sync_states. */
export const STATE = {
  backfill: "hubspot:backfill",
  reconcile: { tickets: "hubspot:reconcile:tickets", contacts: "hubspot:reconcile:contacts", companies: "hubspot:reconcile:companies" },
  deletions: "hubspot:deletions",
} as const;

export async function readState(db: Db | Tx, key: string) {
  return db.syncState.findUnique({ where: { key } });
}

export async function writeState(db: Db | Tx, key: string, data: Omit<Prisma.SyncStateUncheckedCreateInput, "key">) {
  return db.syncState.upsert({ where: { key }, create: { key, ...data }, update: data });
}

export interface RunTotals {
  itemsSeen: number;
  itemsChanged: number;
  requests: number;
}

/** Records a run of a sync job for the health screen; `finish` closes it with its totals. */
export async function startRun(db: Db, kind: SyncRunKind) {
  const run = await db.syncRun.create({ data: { kind } });
  return {
    id: run.id,
    async finish(totals: RunTotals, error?: unknown) {
      await db.syncRun.update({
        where: { id: run.id },
        data: {
          ...totals,
          finishedAt: new Date(),
          status: error === undefined ? "SUCCEEDED" : "FAILED",
          error: error === undefined ? null : describe(error),
        },
      });
    },
  };
}

/** Runs left RUNNING by a process that died are closed as failed, so the screen does not wait on them. */
export async function closeAbandonedRuns(db: Db, kind: SyncRunKind, olderThan: Date): Promise<void> {
  await db.syncRun.updateMany({
    where: { kind, status: "RUNNING", startedAt: { lt: olderThan } },
    data: { status: "FAILED", finishedAt: new Date(), error: "interrupted (the worker stopped before the run finished)" },
  });
}

export function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}
