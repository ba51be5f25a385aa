import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";
import { postReplyOutcome } from "@/lib/slack/reply-outcome";
import { slackDeps } from "@/lib/slack/runtime";

/** Confirms in the thread what a reply from Slack sent; retried by the queue while the outbox is still delivering it. */
export const slackReplyOutcomeJob = defineJob({
  name: SLACK_QUEUES.replyOutcome.name,
  payload: z.object({ writeId: z.uuid() }),
  queue: SLACK_QUEUES.replyOutcome.settings,
  async handler({ writeId }) {
    const deps = slackDeps();
    if (!deps) return;
    if ((await postReplyOutcome(deps, writeId)) === "pending") throw new Error(`reply ${writeId} is not delivered yet`);
  },
});
