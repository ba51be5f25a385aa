import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { SLA_QUEUES } from "@/lib/jobs/sla-queues";
import { syncDeps } from "@/lib/jobs/sync-deps";
import { runBackfill } from "@/lib/sync/backfill";
import { closeAbandonedRuns, startRun, STATE, writeState, describe } from "@/lib/sync/state";
import { syncOpenTicketThreads } from "@/lib/sync/threads";

/** How long one job works before it queues the next chunk: short enough for a quick, clean stop. */
const CHUNK_MS = 3 * 60_000;

/**
 * The HubSpot backfill, in chunks: each run continues from the cursors in Postgres, so a crash,
 * a deploy or an expired chunk resumes where the last page was stored. When the tickets are in,
 * the threads of open tickets are read (the others wait until someone opens the ticket).
 */
export const hubspotBackfillJob = defineJob({
  name: HUBSPOT_QUEUES.backfill.name,
  payload: z.object({ restart: z.boolean().default(false) }),
  queue: HUBSPOT_QUEUES.backfill.settings,
  async handler({ restart }, { signal, send }) {
    const deps = syncDeps();
    if (!deps) return;
    const { db, clock, hubspot } = deps;
    await closeAbandonedRuns(db, "BACKFILL", new Date(clock.now() - 60_000));
    const before = { ...hubspot.stats };
    const run = await startRun(db, "BACKFILL");
    let progress;
    try {
      progress = await runBackfill(deps, { restart, signal, deadline: clock.now() + CHUNK_MS });
    } catch (error) {
      await run.finish({ itemsSeen: 0, itemsChanged: 0, requests: hubspot.stats.requests - before.requests }, error);
      await writeState(db, STATE.backfill, { lastError: describe(error), lastErrorAt: new Date(clock.now()) });
      throw error;
    }
    await run.finish({ itemsSeen: progress.ticketsStored + progress.related, itemsChanged: progress.ticketsChanged, requests: hubspot.stats.requests - before.requests });
    // The tickets stored so far get their tier and SLA fields now, not at the next minute's sweep.
    await send(SLA_QUEUES.rederive.name, {});
    if (!progress.done) {
      // Stopped at its deadline or by a shutdown: the next chunk picks up from the cursors.
      await send(HUBSPOT_QUEUES.backfill.name, {});
      return;
    }
    const threadsBefore = hubspot.stats.requests;
    const threadsRun = await startRun(db, "THREADS");
    try {
      const threads = await syncOpenTicketThreads(deps, { shouldStop: () => signal.aborted });
      await threadsRun.finish({ itemsSeen: threads.threads, itemsChanged: threads.messages, requests: hubspot.stats.requests - threadsBefore });
    } catch (error) {
      await threadsRun.finish({ itemsSeen: 0, itemsChanged: 0, requests: hubspot.stats.requests - threadsBefore }, error);
      throw error;
    }
  },
});
