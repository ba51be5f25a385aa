import { env } from "@/lib/env";
import { producer } from "@/lib/jobs/producer";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";
import { enqueueWrite } from "@/lib/outbox/enqueue";
import { handleInteraction } from "@/lib/slack/interactions";
import { slackDeps } from "@/lib/slack/runtime";
import { slackInteractionsHandler } from "./handler";

export const dynamic = "force-dynamic";

/** Authenticated by Slack's signature, not a session (see handler.ts). */
export async function POST(request: Request): Promise<Response> {
  const deps = slackDeps();
  return slackInteractionsHandler({
    signingSecret: env().SLACK_SIGNING_SECRET,
    now: Date.now,
    handle: deps
      ? (interaction) =>
          handleInteraction(
            {
              ...deps,
              enqueueWrite: async (intent) => enqueueWrite(deps.db, await producer(), intent),
              queueReplyOutcome: async (writeId) => {
                await (await producer()).send(SLACK_QUEUES.replyOutcome.name, { writeId }, { singletonKey: writeId });
              },
            },
            interaction,
          )
      : null,
  })(request);
}
