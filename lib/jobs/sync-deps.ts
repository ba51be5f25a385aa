import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { HubSpotClient } from "@/lib/integrations/hubspot/client";
import type { SyncDeps } from "@/lib/sync/deps";

let client: HubSpotClient | undefined;

/** The worker's sync engine: one HubSpot client, so every job shares one rate budget. Null without a token. */
export function syncDeps(): SyncDeps | null {
  const settings = env();
  if (!settings.HUBSPOT_ACCESS_TOKEN) return null;
  client ??= new HubSpotClient({
    accessToken: settings.HUBSPOT_ACCESS_TOKEN,
    baseUrl: settings.HUBSPOT_BASE_URL,
    burstPer10s: settings.HUBSPOT_RATE_LIMIT_PER_10S,
  });
  return { db: db(), hubspot: client, clock: systemClock, log: (line) => console.log(`sync: ${line}`) };
}
