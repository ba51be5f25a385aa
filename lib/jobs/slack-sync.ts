import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";
import { slackDeps } from "@/lib/slack/runtime";
import { syncTicketsToSlack } from "@/lib/slack/ticket-threads";

/** Brings #support-tickets up to date with the tickets; any run does all that is waiting. */
export const slackSyncJob = defineJob({
  name: SLACK_QUEUES.sync.name,
  payload: z.object({}),
  queue: SLACK_QUEUES.sync.settings,
  async handler(_payload, { signal }) {
    const deps = slackDeps();
    if (!deps) return;
    const result = await syncTicketsToSlack(deps, { shouldStop: () => signal.aborted });
    if (result.posted + result.edited > 0) deps.log?.(`${result.posted} posted, ${result.edited} edited, ${result.tickets} tickets`);
  },
});
