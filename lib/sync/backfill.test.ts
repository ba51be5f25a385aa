import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import { databaseTickets, relatedMismatches, simulatorTickets, startSyncHarness, virtualClock, type SyncHarness } from "@/test/hubspot";
import { planRelated, runBackfill } from "./backfill";
import { readState, STATE } from "./state";

// Backfills against the HubSpot simulator on a real Postgres: the database must end up holding
// exactly the simulator's tickets, properties and associations, whatever happens on the way.

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function expectInStepWithSimulator(h: SyncHarness) {
  const expected = simulatorTickets(h.fake, TICKET_PROPERTIES);
  const stored = await databaseTickets(h.db, TICKET_PROPERTIES);
  expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  const different = [...expected.values()].filter((ticket) => JSON.stringify(stored.get(ticket.id)) !== JSON.stringify(ticket));
  expect(different.map((ticket) => ({ expected: ticket, stored: stored.get(ticket.id) })).slice(0, 3)).toEqual([]);
  expect(await relatedMismatches(h.fake, h.db)).toEqual([]);
}

describe("planning contacts and companies", () => {
  const professional = { burstPer10s: 190, searchPerSecond: 5 };
  it("reads them by id when the burst budget covers everything", () => {
    expect(planRelated({ tickets: 10_000, contacts: 4_000, companies: 1_667 }, professional)).toEqual({ contacts: "referenced", companies: "referenced" });
  });
  it("moves the larger share to the search budget when the burst budget is the bottleneck", () => {
    expect(planRelated({ tickets: 100_000, contacts: 40_000, companies: 16_667 }, professional)).toEqual({ contacts: "sweep", companies: "referenced" });
  });
  it("never sweeps a portal full of contacts that have no tickets", () => {
    expect(planRelated({ tickets: 5_000, contacts: 2_000_000, companies: 900 }, professional).contacts).toBe("referenced");
  });
});

describe("backfill", () => {
  it("stores exactly the simulator's tickets, properties, associations, contacts and companies", async () => {
    harness = await startSyncHarness({ dataset: { tickets: 1234, seed: 3 } });
    const progress = await runBackfill(harness.deps, { rangeSize: 300, concurrency: 3 });
    expect(progress.done).toBe(true);
    await expectInStepWithSimulator(harness);
    // Ranges were listed side by side: five of them for 1,234 tickets in ranges of 300.
    expect(await harness.db.syncPartition.count()).toBeGreaterThanOrEqual(5);
    expect(await harness.db.pipelineStage.count({ where: { ticketState: "CLOSED" } })).toBe(2);
    expect(await harness.db.owner.count()).toBeGreaterThan(0);
    // Reconciliation takes over from the moment the backfill started.
    const state = await readState(harness.db, STATE.backfill);
    expect(state?.completedAt).not.toBeNull();
    expect((await readState(harness.db, STATE.reconcile.tickets))?.watermarkAt).toEqual(state?.startedAt);
    // A second run changes nothing and asks HubSpot nothing.
    const requests = harness.deps.hubspot.stats.requests;
    expect((await runBackfill(harness.deps)).done).toBe(true);
    expect(harness.deps.hubspot.stats.requests).toBe(requests);
  });

  it("completes through 30 s of 429s and 10% server errors, losing nothing", async () => {
    const clock = virtualClock();
    harness = await startSyncHarness({ dataset: { tickets: 1500, seed: 5 }, clock, rateLimit: { burstPer10s: 190, searchPerSecond: 5 } });
    harness.fake.faults.set({ status: { code: 429, seconds: 30 }, errorRate: 0.1 });
    const progress = await runBackfill(harness.deps, { rangeSize: 400 });
    expect(progress.done).toBe(true);
    await expectInStepWithSimulator(harness);
    const injected = harness.fake.faults.describe().injected;
    expect(injected.statusResponses).toBeGreaterThan(0);
    expect(injected.errors).toBeGreaterThan(0);
    expect(harness.deps.hubspot.stats.rateLimited).toBeGreaterThan(0);
    // The limiter kept the client under HubSpot's own limits: no 429 came from the budget itself.
    expect(harness.fake.rateLimiter.rejected).toBe(0);
  });

  it("resumes after the worker is killed mid-way and ends in the same state", async () => {
    harness = await startSyncHarness({ dataset: { tickets: 3000, seed: 11 }, latencyMs: 20 });
    const h = harness;
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../../test/run-backfill.ts", import.meta.url))], {
      env: { ...process.env, DATABASE_URL: h.database.url, HUBSPOT_BASE_URL: h.fake.url, HUBSPOT_ACCESS_TOKEN: h.fake.accessToken, RANGE_SIZE: "500", CONCURRENCY: "2" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Kill it once it has stored a few pages, as a crash would: no chance to clean up.
    await expect.poll(() => h.db.ticket.count(), { timeout: 90_000, interval: 50 }).toBeGreaterThanOrEqual(600);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const storedBeforeCrash = await h.db.ticket.count();
    expect(storedBeforeCrash).toBeLessThan(3000);
    const listedBeforeCrash = await h.db.syncPartition.aggregate({ _sum: { items: true } });

    const listCallsBefore = h.fake.stats().requests.api;
    const progress = await runBackfill(h.newDeps(), { rangeSize: 500, concurrency: 2 });
    expect(progress.done).toBe(true);
    await expectInStepWithSimulator(h);
    // It went on from the cursors rather than starting over.
    expect(progress.ticketsStored).toBeLessThanOrEqual(3000 - (listedBeforeCrash._sum.items ?? 0) + 100);
    expect(h.fake.stats().requests.api - listCallsBefore).toBeLessThan(60);
  }, 180_000);
});
