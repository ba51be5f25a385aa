import { describe, expect, it } from "vitest";
import { RATE_LIMIT_TIERS } from "./rate-limit";
import { apiError, ManualClock, startTestSimulator, type TestSimulator } from "./test-support";

// Rate limits (burst, search, daily) and injected faults, against a clock the tests move.

async function withSimulator(options: Parameters<typeof startTestSimulator>[0], body: (sim: TestSimulator) => Promise<void>) {
  const sim = await startTestSimulator(options);
  try {
    await body(sim);
  } finally {
    await sim.fake.stop();
  }
}

describe("rate limits", () => {
  it("allows the tier's burst per 10 s, then answers 429 TEN_SECONDLY_ROLLING until the window rolls", async () => {
    const clock = new ManualClock();
    await withSimulator({ rateLimit: RATE_LIMIT_TIERS.free, now: clock.now }, async (sim) => {
      let last: Response | undefined;
      for (let i = 0; i < 100; i++) {
        last = await sim.api("/crm/v3/objects/tickets?limit=1");
        expect(last.status).toBe(200);
      }
      expect(last!.headers.get("x-hubspot-ratelimit-max")).toBe("100");
      expect(last!.headers.get("x-hubspot-ratelimit-remaining")).toBe("0");
      expect(last!.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
      expect(last!.headers.get("x-hubspot-ratelimit-daily")).toBe("250000");
      expect(last!.headers.get("x-hubspot-ratelimit-daily-remaining")).toBe(String(250_000 - 100));

      const limited = await sim.api("/crm/v3/objects/tickets?limit=1");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBeNull();
      expect(await limited.json()).toEqual({
        status: "error",
        message: "You have reached your ten_secondly_rolling limit.",
        errorType: "RATE_LIMIT",
        correlationId: expect.any(String),
        policyName: "TEN_SECONDLY_ROLLING",
      });
      const viaClient = await sim.client.crm.tickets.basicApi.getPage(1).then(() => undefined, apiError);
      expect(viaClient).toMatchObject({ code: 429, body: { policyName: "TEN_SECONDLY_ROLLING" } });

      clock.advance(10_001);
      expect((await sim.api("/crm/v3/objects/tickets?limit=1")).status).toBe(200);
      expect((await sim.control.stats()).rateLimited).toBe(2);
    });
  });

  it("limits search to 5 per second with the SECONDLY policy, apart from the burst budget", async () => {
    const clock = new ManualClock();
    await withSimulator({ rateLimit: RATE_LIMIT_TIERS.professional, now: clock.now }, async (sim) => {
      const searchOnce = () => sim.api("/crm/v3/objects/tickets/search", { method: "POST", body: { limit: 1 } });
      for (let i = 0; i < 5; i++) expect((await searchOnce()).status).toBe(200);
      const limited = await searchOnce();
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", policyName: "SECONDLY" });
      expect((await sim.api("/crm/v3/objects/tickets?limit=1")).headers.get("x-hubspot-ratelimit-remaining")).toBe("189");
      clock.advance(1001);
      expect((await searchOnce()).status).toBe(200);
    });
  });

  it("enforces a daily budget, reset at London midnight, and can be changed through the control API", async () => {
    const clock = new ManualClock(Date.parse("2025-03-12T22:00:00Z"));
    await withSimulator({ rateLimit: { burstPer10s: 100, searchPerSecond: 5, daily: 3 }, now: clock.now }, async (sim) => {
      for (let i = 0; i < 3; i++) expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      const limited = await sim.api("/crm/v3/owners");
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ policyName: "DAILY" });
      clock.advance(2 * 3600_000);
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);

      await sim.control.setRateLimit("off");
      for (let i = 0; i < 10; i++) expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      await sim.control.setRateLimit({ burstPer10s: 2, searchPerSecond: 1 });
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      expect((await sim.api("/crm/v3/owners")).status).toBe(429);
      await sim.control.resetRateLimit();
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
    });
  });

  it("does not count the control API or unauthenticated calls", async () => {
    await withSimulator({ rateLimit: { burstPer10s: 1, searchPerSecond: 1 } }, async (sim) => {
      await sim.control.stats();
      expect((await sim.api("/crm/v3/owners", { token: "bad" })).status).toBe(401);
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      expect((await sim.api("/crm/v3/owners")).status).toBe(429);
    });
  });
});

describe("faults", () => {
  it("answers with a given status for N seconds, then recovers", async () => {
    const clock = new ManualClock();
    await withSimulator({ now: clock.now }, async (sim) => {
      await sim.control.setFaults({ status: { code: 503, seconds: 30 } });
      const res = await sim.api("/crm/v3/objects/tickets?limit=1");
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "error", category: "SERVICE_UNAVAILABLE" });
      clock.advance(29_000);
      expect((await sim.api("/crm/v3/owners")).status).toBe(503);
      clock.advance(1_001);
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);

      await sim.control.setFaults({ status: { code: 429, seconds: 30, pathPrefix: "/crm/v3/objects/tickets/search", retryAfterSeconds: 7 } });
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      const limited = await sim.api("/crm/v3/objects/tickets/search", { method: "POST", body: {} });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("7");
      expect(await limited.json()).toMatchObject({ policyName: "TEN_SECONDLY_ROLLING", errorType: "RATE_LIMIT" });
      expect((await sim.control.faults()).injected.statusResponses).toBe(3);
    });
  });

  it("injects 5xx at the configured rate, with Cloudflare's HTML for 502 and 504", async () => {
    await withSimulator({}, async (sim) => {
      await sim.control.setFaults({ errorRate: 1, errorStatuses: [502] });
      const res = await sim.api("/crm/v3/owners");
      expect(res.status).toBe(502);
      expect(res.headers.get("content-type")).toBe("text/html");
      expect(await res.text()).toContain("502 Bad Gateway");
      await sim.control.setFaults({ errorRate: 0.5, errorStatuses: [500, 503] });
      const statuses = [];
      for (let i = 0; i < 200; i++) statuses.push((await sim.api("/crm/v3/owners")).status);
      const failed = statuses.filter((s) => s >= 500).length;
      expect(failed).toBeGreaterThan(60);
      expect(failed).toBeLessThan(140);
      expect(new Set(statuses)).toEqual(new Set([200, 500, 503]));
      await sim.control.clearFaults();
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
    });
  });

  it("drops the connection after committing the next N writes", async () => {
    await withSimulator({}, async (sim) => {
      const id = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!.id;
      await sim.control.setFaults({ dropAfterCommit: { count: 1 } });
      // Reads are not writes: they pass.
      expect((await sim.api(`/crm/v3/objects/tickets/${id}`)).status).toBe(200);
      const failed = await sim.api(`/crm/v3/objects/tickets/${id}`, { method: "PATCH", body: { properties: { hs_ticket_priority: "URGENT" } } }).then(
        () => "answered",
        (err: Error) => err.message,
      );
      expect(failed).toBe("fetch failed");
      // The write happened all the same.
      expect((await sim.control.getTicket(id)).properties.hs_ticket_priority).toBe("URGENT");
      expect((await sim.control.ticketUpdates(id))).toHaveLength(1);
      // Only the next write was dropped.
      const second = await sim.api(`/crm/v3/objects/tickets/${id}`, { method: "PATCH", body: { properties: { hs_ticket_priority: "LOW" } } });
      expect(second.status).toBe(200);
      expect((await sim.control.stats()).droppedConnections).toBe(1);
    });
  });

  it("adds latency to API answers", async () => {
    await withSimulator({}, async (sim) => {
      await sim.control.setFaults({ latencyMs: 150 });
      const started = performance.now();
      expect((await sim.api("/crm/v3/owners")).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    });
  });
});
