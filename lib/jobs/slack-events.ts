import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { producer } from "@/lib/jobs/producer";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";
import { enqueueWrite } from "@/lib/outbox/enqueue";
import { applySlackEvents } from "@/lib/slack/events";
import { slackDeps } from "@/lib/slack/runtime";

/** Applies the Slack events the route stored: team members' thread comments become HubSpot notes. */
export const slackEventsJob = defineJob({
  name: SLACK_QUEUES.events.name,
  payload: z.object({}),
  queue: SLACK_QUEUES.events.settings,
  async handler(_payload, { signal }) {
    const deps = slackDeps();
    if (!deps) return;
    const result = await applySlackEvents(
      { ...deps, enqueueWrite: async (intent) => enqueueWrite(deps.db, await producer(), intent) },
      { shouldStop: () => signal.aborted },
    );
    if (result.notes > 0) deps.log?.(`${result.notes} thread comment${result.notes === 1 ? "" : "s"} queued as notes`);
  },
});
