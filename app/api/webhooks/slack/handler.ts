import { NextResponse } from "next/server";
import { readSignedSlackRequest } from "@/app/api/webhooks/slack/signed-request";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { eventEnvelopeSchema } from "@/lib/integrations/slack/schema";
import { recordSlackEvent } from "@/lib/slack/events";

export interface SlackEventsDeps {
  db: PrismaClient;
  signingSecret: string | undefined;
  now(): number;
  /** Queues the events' processing inside the transaction that stores them. */
  enqueue(tx: Prisma.TransactionClient): Promise<unknown>;
}

/**
 * Slack's Events API endpoint: checks the v0 signature over the raw body (constant time, at most
 * five minutes old), answers the url_verification challenge, stores each event once by event_id
 * and queues the worker, then answers at once (Slack waits 3 s before retrying). Refused requests
 * store nothing. A failure to store answers 500, so Slack delivers again.
 */
export function slackEventsHandler(deps: SlackEventsDeps) {
  return async (request: Request): Promise<Response> => {
    const signed = await readSignedSlackRequest(request, deps, "events");
    if ("refused" in signed) return signed.refused;
    const { rawBody } = signed;
    let envelope;
    try {
      envelope = eventEnvelopeSchema.parse(JSON.parse(rawBody));
    } catch {
      return NextResponse.json({ error: "The body is not a Slack Events API request" }, { status: 400 });
    }
    if (envelope.type === "url_verification") return NextResponse.json({ challenge: envelope.challenge });
    if (envelope.type !== "event_callback") return NextResponse.json({ ok: true });
    try {
      const stored = await recordSlackEvent(deps.db, envelope, deps.enqueue);
      return NextResponse.json({ ok: true, stored });
    } catch (error) {
      console.error("slack events: could not store the event", error);
      return NextResponse.json({ error: "Could not store the event; deliver it again" }, { status: 500 });
    }
  };
}
