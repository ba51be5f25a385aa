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
import { RATE_LIMIT_TIERS, type RateLimitTier } from "./rate-limit";
import { startHubSpotFake } from "./server";

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function rateLimit() {
  const tier = process.env.HUBSPOT_FAKE_RATE_TIER || "professional";
  if (tier === "off") return false as const;
  const preset = RATE_LIMIT_TIERS[tier as RateLimitTier];
  if (!preset) throw new Error(`HUBSPOT_FAKE_RATE_TIER must be free, professional, pack or off, got "${tier}"`);
  return preset;
}

async function main(): Promise<void> {
  const webhookUrl = process.env.HUBSPOT_WEBHOOK_URL;
  const fake = await startHubSpotFake({
    port: intEnv("HUBSPOT_FAKE_PORT", 3002),
    host: process.env.HUBSPOT_FAKE_HOST || "127.0.0.1",
    accessToken: process.env.HUBSPOT_ACCESS_TOKEN || undefined,
    dataset: { tickets: intEnv("HUBSPOT_FAKE_TICKETS", 300), seed: intEnv("HUBSPOT_FAKE_SEED", 1) },
    rateLimit: rateLimit(),
    latencyMs: intEnv("HUBSPOT_FAKE_LATENCY_MS", 0),
    searchLagMs: intEnv("HUBSPOT_FAKE_SEARCH_LAG_MS", 0),
    ...(webhookUrl
      ? { webhooks: { targetUrl: webhookUrl, clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? "", enabled: true } }
      : {}),
  });
  console.log(`hubspot: ready ${fake.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    fake.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("hubspot: stop failed", err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error("hubspot:", err instanceof Error ? err.message : err);
  process.exit(1);
});
