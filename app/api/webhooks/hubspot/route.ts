import { fromPrisma } from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { producer } from "@/lib/jobs/producer";
import { hubspotWebhookHandler } from "./handler";

export const dynamic = "force-dynamic";

/** Authenticated by HubSpot's signature, not a session (see handler.ts). */
export async function POST(request: Request): Promise<Response> {
  const settings = env();
  return hubspotWebhookHandler({
    db: db(),
    clientSecret: settings.HUBSPOT_CLIENT_SECRET,
    publicOrigin: new URL(settings.NEXTAUTH_URL).origin,
    now: Date.now,
    enqueue: async (tx) => (await producer()).send(HUBSPOT_QUEUES.applyWebhooks.name, {}, { db: fromPrisma(tx) }),
  })(request);
}
