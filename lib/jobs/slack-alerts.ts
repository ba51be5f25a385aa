import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";
import { runSlackAlerts } from "@/lib/slack/alerts";
import { slackDeps } from "@/lib/slack/runtime";

/** Every minute: records new stale, due-soon and breach alerts, and posts them during business hours. */
export const slackAlertsJob = defineJob({
  name: SLACK_QUEUES.alerts.name,
  payload: z.object({}),
  queue: SLACK_QUEUES.alerts.settings,
  async handler() {
    const deps = slackDeps();
    if (!deps) return;
    const run = await runSlackAlerts(deps);
    if (run.posted + run.dropped > 0) deps.log?.(`alerts: ${run.posted} posted, ${run.dropped} dropped, ${run.waiting} waiting for business hours`);
  },
});
