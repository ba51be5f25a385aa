import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { queueSlackSync } from "@/lib/jobs/slack-queues";
import { syncDeps } from "@/lib/jobs/sync-deps";
import { startRun } from "@/lib/sync/state";
import { applyHubSpotEvents } from "@/lib/sync/webhook-events";

/** Applies the HubSpot webhook events the route stored; any run applies all that are waiting. */
export const hubspotApplyWebhooksJob = defineJob({
  name: HUBSPOT_QUEUES.applyWebhooks.name,
  payload: z.object({}),
  queue: HUBSPOT_QUEUES.applyWebhooks.settings,
  async handler(_payload, { signal, send }) {
    const deps = syncDeps();
    if (!deps) return;
    const requestsBefore = deps.hubspot.stats.requests;
    const waiting = await deps.db.webhookEvent.count({ where: { source: "HUBSPOT", processedAt: null } });
    if (waiting === 0) return;
    // Recorded for the sync screen: what each application cost and how it ended.
    const run = await startRun(deps.db, "WEBHOOKS");
    let applied;
    try {
      applied = await applyHubSpotEvents(deps, { shouldStop: () => signal.aborted });
    } catch (error) {
      await run.finish({ itemsSeen: 0, itemsChanged: 0, requests: deps.hubspot.stats.requests - requestsBefore }, error);
      throw error;
    }
    await run.finish({ itemsSeen: applied.processed, itemsChanged: applied.tickets + applied.threads, requests: deps.hubspot.stats.requests - requestsBefore });
    if (applied.processed > 0) await queueSlackSync(send);
  },
});
