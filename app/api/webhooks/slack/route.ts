import { fromPrisma } from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { producer } from "@/lib/jobs/producer";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";
import { slackEventsHandler } from "./handler";

export const dynamic = "force-dynamic";

/** Authenticated by Slack's signature, not a session (see handler.ts). */
export async function POST(request: Request): Promise<Response> {
  return slackEventsHandler({
    db: db(),
    signingSecret: env().SLACK_SIGNING_SECRET,
    now: Date.now,
    enqueue: async (tx) => (await producer()).send(SLACK_QUEUES.events.name, {}, { db: fromPrisma(tx) }),
  })(request);
}
