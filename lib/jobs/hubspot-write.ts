import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/definition";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { queueSlackSync } from "@/lib/jobs/slack-queues";
import { syncDeps } from "@/lib/jobs/sync-deps";
import { deliverWrite, failWrite } from "@/lib/outbox/deliver";

/** Delivers one note, reply or ticket change from the outbox (lib/outbox/deliver.ts). */
export const hubspotWriteJob = defineJob({
  name: HUBSPOT_QUEUES.write.name,
  payload: z.object({ writeId: z.uuid() }),
  queue: HUBSPOT_QUEUES.write.settings,
  async handler({ writeId }, { send }) {
    const deps = syncDeps();
    if (!deps) {
      await failWrite(db(), writeId, "HubSpot is not connected (HUBSPOT_ACCESS_TOKEN is not set).");
      return;
    }
    // A status, owner or first response changed by the write shows in Slack now, not at the next minute.
    if ((await deliverWrite(deps, writeId)) === "sent") await queueSlackSync(send);
  },
});
