import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { queueSlackSync } from "@/lib/jobs/slack-queues";
import { syncDeps } from "@/lib/jobs/sync-deps";
import { syncTicketThread } from "@/lib/sync/threads";

/** Reads one ticket's conversation (queued when someone opens a ticket whose messages were never read). */
export const hubspotFetchThreadJob = defineJob({
  name: HUBSPOT_QUEUES.fetchThread.name,
  payload: z.object({ ticketId: z.string().regex(/^\d+$/) }),
  queue: HUBSPOT_QUEUES.fetchThread.settings,
  async handler({ ticketId }, { send }) {
    const deps = syncDeps();
    if (!deps) return;
    if ((await syncTicketThread(deps, ticketId)) > 0) await queueSlackSync(send);
  },
});
