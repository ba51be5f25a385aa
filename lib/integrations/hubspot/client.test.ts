import { afterEach, describe, expect, it } from "vitest";
import { startHubSpotFake, type HubSpotFake } from "@/fakes/hubspot/server";
import { virtualClock } from "@/test/hubspot";
import { HubSpotClient, retryDelay } from "./client";
import { HubSpotError } from "./errors";

let fake: HubSpotFake | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function setUp(options: { rateLimit?: false; latencyMs?: number } = {}) {
  const clock = virtualClock();
  fake = await startHubSpotFake({ dataset: { tickets: 50 }, now: () => new Date(clock.now()), ...options });
  const client = (extra: Partial<ConstructorParameters<typeof HubSpotClient>[0]> = {}) =>
    new HubSpotClient({ accessToken: fake!.accessToken, baseUrl: fake!.url, burstPer10s: 190, clock, ...extra });
  return { clock, client, fake };
}

describe("HubSpot client", () => {
  it("stays under the 10-second burst budget and 5 searches a second", async () => {
    const { clock, client, fake } = await setUp();
    const hubspot = client();
    const started = clock.now();
    // One at a time: virtual time jumps while a sleeper waits, which would misdate requests in flight.
    for (let i = 0; i < 400; i++) await hubspot.pipelines();
    for (let i = 0; i < 30; i++) await hubspot.searchObjects("tickets", { filterGroups: [], sort: "hs_object_id", properties: [], limit: 1 });
    expect(fake.rateLimiter.rejected).toBe(0);
    expect(hubspot.stats).toMatchObject({ requests: 430, searches: 30, retries: 0 });
    // 400 requests at 180 per 10 s (a margin under 190) cannot take less than two windows.
    expect(clock.now() - started).toBeGreaterThanOrEqual(20_000);
  });

  it("retries 429s, honouring Retry-After, and 5xx (also HubSpot's HTML error pages)", async () => {
    const { clock, client, fake } = await setUp({ rateLimit: false });
    fake.faults.set({ status: { code: 429, seconds: 3, retryAfterSeconds: 2 } });
    const hubspot = client();
    const started = clock.now();
    expect((await hubspot.pipelines()).length).toBe(2);
    expect(clock.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(hubspot.stats.rateLimited).toBeGreaterThanOrEqual(1);

    fake.faults.set({ status: { code: 502, seconds: 2 } });
    expect((await hubspot.owners()).results.length).toBeGreaterThan(0);
    expect(hubspot.stats.retries).toBeGreaterThanOrEqual(2);
  });

  it("tells not-found from rate-limited from unauthorized, and never swallows either", async () => {
    const { client, fake } = await setUp({ rateLimit: false });
    const hubspot = client({ retryForMs: 5_000 });
    await expect(hubspot.thread("1")).rejects.toMatchObject({ code: "NOT_FOUND", retryable: false, details: { status: 404 } });
    expect(hubspot.stats.retries).toBe(0);
    expect(await hubspot.batchRead("tickets", ["4200000001", "4200999999"], ["subject"])).toMatchObject({ missing: ["4200999999"] });

    fake.faults.set({ status: { code: 429, seconds: 600 } });
    const limited = await hubspot.pipelines().catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(HubSpotError);
    expect(limited).toMatchObject({ code: "RATE_LIMITED", retryable: true, details: { policyName: "TEN_SECONDLY_ROLLING" } });
    fake.faults.clear();

    await expect(client({ accessToken: "wrong" }).pipelines()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives up on a request that does not answer in time", async () => {
    fake = await startHubSpotFake({ dataset: { tickets: 10 }, rateLimit: false, latencyMs: 300 });
    const hubspot = new HubSpotClient({ accessToken: fake.accessToken, baseUrl: fake.url, burstPer10s: 190, timeoutMs: 50, retryForMs: 0 });
    await expect(hubspot.pipelines()).rejects.toMatchObject({ code: "TIMEOUT", retryable: true });
  });

  it("backs off exponentially, waits at least a second after a 429, and never less than Retry-After", () => {
    const half = () => 0.5;
    const server = new HubSpotError("SERVER_ERROR", "boom", { operation: "x" });
    expect([1, 2, 3, 6, 10].map((attempt) => retryDelay(server, attempt, half))).toEqual([500, 1000, 2000, 10_000, 10_000]);
    expect(retryDelay(new HubSpotError("RATE_LIMITED", "slow down", { operation: "x" }), 1, half)).toBe(1000);
    expect(retryDelay(new HubSpotError("RATE_LIMITED", "slow down", { operation: "x", retryAfterMs: 7000 }), 1, half)).toBe(7000);
  });
});
