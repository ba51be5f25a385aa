import { z } from "zod";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/definition";
import { SLA_QUEUES } from "@/lib/jobs/sla-queues";
import { recordStaleAlerts } from "@/lib/queue/stale-alerts";

/** Runs every minute: records one alert per stale period (the Slack integration posts them). */
export const staleTicketsJob = defineJob({
  name: SLA_QUEUES.staleTickets.name,
  payload: z.object({}),
  queue: SLA_QUEUES.staleTickets.settings,
  async handler() {
    const { recorded } = await recordStaleAlerts(db(), new Date(systemClock.now()));
    if (recorded > 0) console.log(`sla: ${recorded} ticket${recorded === 1 ? "" : "s"} went stale`);
  },
});
