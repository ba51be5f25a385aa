// Runs the HubSpot simulator as its own process: `npx tsx fakes/hubspot/cli.ts`.
// Prints exactly one line, "hubspot: ready <url>", once it listens; stops on SIGINT/SIGTERM.
//
//   HUBSPOT_FAKE_PORT        port (default 3002; 0 = any free port)
//   HUBSPOT_FAKE_HOST        interface (default 127.0.0.1)
//   HUBSPOT_FAKE_TICKETS     generated tickets (default 300)
//   HUBSPOT_FAKE_SEED        data-set seed (default 1)
//   HUBSPOT_FAKE_RATE_TIER   free | professional | pack | off (default professional)
//   HUBSPOT_FAKE_LATENCY_MS  extra latency per API request (default 0)
//   HUBSPOT_FAKE_SEARCH_LAG_MS  delay before writes show in search (default 0)
//   HUBSPOT_ACCESS_TOKEN     the token the API accepts (default demo-hubspot-token)
//   HUBSPOT_WEBHOOK_URL      where to send webhooks (none: webhooks off)
//   HUBSPOT_CLIENT_SECRET    the app's client secret, which signs webhooks
import { intEnv, runFake, stringEnv } from "../shared/cli";
import { RATE_LIMIT_TIERS, type RateLimitTier } from "./rate-limit";
import { startHubSpotFake } from "./server";

function rateLimit() {
  const tier = stringEnv("HUBSPOT_FAKE_RATE_TIER") ?? "professional";
  if (tier === "off") return false as const;
  const preset = RATE_LIMIT_TIERS[tier as RateLimitTier];
  if (!preset) throw new Error(`HUBSPOT_FAKE_RATE_TIER must be free, professional, pack or off, got "${tier}"`);
  return preset;
}

// async, so a bad setting is reported as "hubspot: <message>" with exit code 1.
runFake("hubspot", async () => {
  const webhookUrl = stringEnv("HUBSPOT_WEBHOOK_URL");
  return startHubSpotFake({
    port: intEnv("HUBSPOT_FAKE_PORT", 3002),
    host: stringEnv("HUBSPOT_FAKE_HOST") ?? "127.0.0.1",
    accessToken: stringEnv("HUBSPOT_ACCESS_TOKEN"),
    dataset: { tickets: intEnv("HUBSPOT_FAKE_TICKETS", 300), seed: intEnv("HUBSPOT_FAKE_SEED", 1) },
    rateLimit: rateLimit(),
    latencyMs: intEnv("HUBSPOT_FAKE_LATENCY_MS", 0),
    searchLagMs: intEnv("HUBSPOT_FAKE_SEARCH_LAG_MS", 0),
    ...(webhookUrl ? { webhooks: { targetUrl: webhookUrl, clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? "", enabled: true } } : {}),
  });
});
