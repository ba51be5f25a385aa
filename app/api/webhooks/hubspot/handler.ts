import { NextResponse } from "next/server";
import { verifyV3 } from "@/lib/integrations/hubspot/signature";
import type { Db, Tx } from "@/lib/sync/deps";
import { parseHubSpotEvents, recordHubSpotEvents } from "@/lib/sync/webhook-events";

export interface HubSpotWebhookDeps {
  db: Db;
  clientSecret: string | undefined;
  /** The app's public origin: HubSpot signs the URL it posted to, not the one the server sees behind a proxy. */
  publicOrigin: string;
  now(): number;
  /** Queues the events' application inside the transaction that stores them. */
  enqueue(tx: Tx): Promise<unknown>;
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * HubSpot's webhook endpoint: checks the v3 signature over the raw body (constant time, at most
 * five minutes old), stores each event once and queues their application, then answers at once.
 * Refused requests store nothing. A failure to store answers 500, so HubSpot delivers again.
 */
export function hubspotWebhookHandler(deps: HubSpotWebhookDeps) {
  return async (request: Request): Promise<Response> => {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
      return NextResponse.json({ error: "Payload too large" }, { status: 413 });
    }
    const rawBody = await request.text();
    const url = new URL(request.url);
    const check = verifyV3({
      clientSecret: deps.clientSecret ?? "",
      method: request.method,
      uri: `${deps.publicOrigin}${url.pathname}${url.search}`,
      rawBody,
      signature: request.headers.get("x-hubspot-signature-v3"),
      timestamp: request.headers.get("x-hubspot-request-timestamp"),
      now: deps.now(),
    });
    if (!check.ok) {
      console.warn(`hubspot webhook refused: ${check.reason} signature`);
      return NextResponse.json({ error: "Invalid signature" }, { status: 401 });
    }
    let events;
    try {
      events = parseHubSpotEvents(rawBody);
    } catch {
      return NextResponse.json({ error: "The body is not an array of HubSpot webhook events" }, { status: 400 });
    }
    try {
      const stored = await recordHubSpotEvents(deps.db, events, deps.enqueue);
      return NextResponse.json({ received: events.length, stored });
    } catch (error) {
      console.error("hubspot webhook: could not store events", error);
      return NextResponse.json({ error: "Could not store the events; deliver them again" }, { status: 500 });
    }
  };
}
