import { afterEach, describe, expect, it, vi } from "vitest";
import { TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import { databaseTickets, simulatorTickets, startSyncHarness, virtualClock, type SyncHarness } from "@/test/hubspot";
import { runBackfill } from "./backfill";
import { reconcileType, sweepDeletedTickets } from "./reconcile";
import { readState, STATE } from "./state";

// Reconciliation through the search API: sorted by hs_lastmodifieddate, never paging to the
// 10,000-result cap, and draining blocks of equal timestamps by id so that it cannot loop.

const USER = { source: "CRM_UI" as const, strict: false };

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function startFromTheBeginning(h: SyncHarness) {
  await h.db.syncState.upsert({
    where: { key: STATE.reconcile.tickets },
    create: { key: STATE.reconcile.tickets, watermarkAt: new Date(0) },
    update: { watermarkAt: new Date(0), watermarkId: null },
  });
}

describe("reconciliation", () => {
  it("completes when 25,000 tickets share one hs_lastmodifieddate", async () => {
    harness = await startSyncHarness({ dataset: { tickets: 25_600, seed: 2, sameModifiedDate: { count: 25_000 } }, searchPerSecond: 100 });
    const h = harness;
    // Paging a query through that block would run into HubSpot's cap.
    await expect(
      h.deps.hubspot.searchObjects("tickets", { filterGroups: [], sort: "hs_lastmodifieddate", properties: [], limit: 200, after: "9900" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await startFromTheBeginning(h);

    const result = await reconcileType(h.deps, "tickets");
    expect(result.caughtUp).toBe(true);
    expect(await h.db.ticket.count()).toBe(25_600);
    // Each page is one search: 25,600 tickets in pages of 200, and a few to cross the block's edges.
    expect(result.searches).toBeLessThan(140);
    expect(h.fake.stats().requests.byStatus["400"] ?? 0).toBe(1);
    const newest = Math.max(...[...simulatorTickets(h.fake, ["hs_lastmodifieddate"]).values()].map((t) => Date.parse(t.properties.hs_lastmodifieddate!)));
    expect((await readState(h.db, STATE.reconcile.tickets))?.watermarkAt?.getTime()).toBeLessThanOrEqual(newest);
  }, 240_000);

  it("drains a tie at a page boundary by id, follows changes, and never moves past now − overlap", async () => {
    const clock = virtualClock();
    harness = await startSyncHarness({ dataset: { tickets: 700, seed: 4, sameModifiedDate: { count: 250, startIndex: 300 } }, clock, searchLagMs: 5_000 });
    const h = harness;
    expect((await runBackfill(h.deps)).done).toBe(true);
    await startFromTheBeginning(h);
    const search = vi.spyOn(h.deps.hubspot, "searchObjects");
    const first = await reconcileType(h.deps, "tickets", { pageSize: 100 });
    expect(first.caughtUp).toBe(true);
    expect(first.changed).toBe(0);
    // The 250 tickets of one timestamp were read by id ("EQ at AND id GT last"), not by offset.
    const drains = search.mock.calls.filter(([, request]) => request.filterGroups[0]?.filters.some((f) => f.operator === "EQ"));
    expect(drains.length).toBeGreaterThanOrEqual(3);
    expect(search.mock.calls.every(([, request]) => request.after === undefined)).toBe(true);

    // Changes made in HubSpot with no webhooks: a stage change, a new ticket.
    const portal = h.fake.portal();
    portal.update("tickets", 4_200_000_010, { hs_pipeline_stage: "3", subject: "Changed while webhooks were off" }, USER);
    const created = portal.create("tickets", { subject: "Created while webhooks were off", hs_pipeline_stage: "1" }, [{ toId: 100_001, typeId: 16 }], USER);
    // Not in search yet (the index lags): this run misses them, but keeps its watermark behind.
    const early = await reconcileType(h.deps, "tickets");
    expect(early.changed).toBe(0);
    const mark = (await readState(h.db, STATE.reconcile.tickets))!.watermarkAt!.getTime();
    expect(mark).toBeLessThanOrEqual(clock.now() - 2 * 60_000);

    clock.advance(6_000);
    const late = await reconcileType(h.deps, "tickets");
    expect(late.changed).toBe(2);
    const stored = await h.db.ticket.findUnique({ where: { id: "4200000010" } });
    expect(stored).toMatchObject({ subject: "Changed while webhooks were off", stageId: "3" });
    const fresh = await h.db.ticket.findUnique({ where: { id: String(created.id) }, include: { contacts: true } });
    expect(fresh?.contacts.map((link) => link.contactId)).toEqual(["100001"]);

    // Again: nothing new, nothing written.
    expect((await reconcileType(h.deps, "tickets")).changed).toBe(0);
    const expected = simulatorTickets(h.fake, TICKET_PROPERTIES);
    expect(await databaseTickets(h.db, TICKET_PROPERTIES)).toEqual(expected);
  });

  it("finds deleted tickets in HubSpot's archived list", async () => {
    harness = await startSyncHarness({ dataset: { tickets: 150, seed: 9 } });
    const h = harness;
    await runBackfill(h.deps);
    h.fake.portal().archive("tickets", 4_200_000_020, USER);
    h.fake.portal().archive("tickets", 4_200_000_021, USER);
    const swept = await sweepDeletedTickets(h.deps);
    expect(swept.changed).toBe(2);
    const deleted = await h.db.ticket.findMany({ where: { archivedAt: { not: null } }, select: { id: true } });
    expect(deleted.map((ticket) => ticket.id).sort()).toEqual(["4200000020", "4200000021"]);
    expect((await sweepDeletedTickets(h.deps)).changed).toBe(0);
  });
});
