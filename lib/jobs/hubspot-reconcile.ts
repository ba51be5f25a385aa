import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { queueSlackSync } from "@/lib/jobs/slack-queues";
import { syncDeps } from "@/lib/jobs/sync-deps";
import type { Db } from "@/lib/sync/deps";
import { reconcileType, sweepDeletedTickets } from "@/lib/sync/reconcile";
import { fillMissingRelated } from "@/lib/sync/related";
import { closeAbandonedRuns, readState, startRun, STATE } from "@/lib/sync/state";

/** Processed webhook events are kept this long: well past HubSpot's retries (about a day), for dedupe. */
const WEBHOOK_EVENTS_KEPT_MS = 7 * 24 * 3600_000;
const SYNC_RUNS_KEPT_MS = 14 * 24 * 3600_000;

async function pruneHistory(db: Db, now: number): Promise<void> {
  await db.webhookEvent.deleteMany({ where: { source: "HUBSPOT", processedAt: { lt: new Date(now - WEBHOOK_EVENTS_KEPT_MS) } } });
  await db.syncRun.deleteMany({ where: { startedAt: { lt: new Date(now - SYNC_RUNS_KEPT_MS) }, status: { not: "RUNNING" } } });
}

/** Deleted tickets are looked for this often (search cannot see them; the archived list pages them all). */
const DELETION_SWEEP_MS = 10 * 60_000;

/**
 * Catches up with whatever webhooks missed: changes by modified date for tickets, contacts and
 * companies, deletions now and then, and records tickets point at but Postgres lacks.
 */
export const hubspotReconcileJob = defineJob({
  name: HUBSPOT_QUEUES.reconcile.name,
  payload: z.object({ deletions: z.boolean().default(false) }),
  queue: HUBSPOT_QUEUES.reconcile.settings,
  async handler({ deletions }, { signal, send }) {
    const deps = syncDeps();
    if (!deps) return;
    const { db, clock, hubspot } = deps;
    // Until a backfill completes there is nothing to reconcile against: it reads everything anyway.
    if (!(await readState(db, STATE.backfill))?.completedAt) return;
    await closeAbandonedRuns(db, "RECONCILE", new Date(clock.now() - 15 * 60_000));
    const requestsBefore = hubspot.stats.requests;
    const run = await startRun(db, "RECONCILE");
    const totals = { itemsSeen: 0, itemsChanged: 0, requests: 0 };
    const shouldStop = () => signal.aborted;
    try {
      for (const type of ["tickets", "companies", "contacts"] as const) {
        const result = await reconcileType(deps, type, { shouldStop });
        totals.itemsSeen += result.seen;
        totals.itemsChanged += result.changed;
      }
      const lastSweep = (await readState(db, STATE.deletions))?.lastSuccessAt?.getTime() ?? 0;
      if (deletions || clock.now() - lastSweep >= DELETION_SWEEP_MS) {
        const swept = await sweepDeletedTickets(deps, { shouldStop });
        totals.itemsChanged += swept.changed;
      }
      for (const type of ["companies", "contacts"] as const) {
        const filled = await fillMissingRelated(deps, type, { shouldStop });
        totals.itemsSeen += filled.seen;
        totals.itemsChanged += filled.changed;
      }
      await pruneHistory(db, clock.now());
      // A safety net under the webhook route's own enqueue.
      if ((await db.webhookEvent.count({ where: { source: "HUBSPOT", processedAt: null } })) > 0) {
        await send(HUBSPOT_QUEUES.applyWebhooks.name, {});
      }
    } catch (error) {
      await run.finish({ ...totals, requests: hubspot.stats.requests - requestsBefore }, error);
      throw error;
    }
    await run.finish({ ...totals, requests: hubspot.stats.requests - requestsBefore });
    if (totals.itemsChanged > 0) await queueSlackSync(send);
  },
});
