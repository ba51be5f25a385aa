import { afterEach, describe, expect, it } from "vitest";
import { HubSpotControlClient } from "@/fakes/hubspot/control-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { firstResponseDueAt } from "@/lib/sla/index";
import type { SlaState } from "@/lib/sla/sla-state";
import { runBackfill } from "@/lib/sync/backfill";
import { reconcileType } from "@/lib/sync/reconcile";
import { syncOpenTicketThreads, syncTicketThread } from "@/lib/sync/threads";
import { simulatorTickets, startSyncHarness, virtualClock, type SyncHarness } from "@/test/hubspot";
import { loadSlaConfig } from "./load-config";
import { loadQueue } from "./queue";
import { parseQueueParams } from "./queue-params";
import { rederiveOutdated } from "./rederive";
import { calendarPhases } from "./sla-config";
import { openCalendarKeys, SLA_STATES, slaStateCondition, storedSlaStatus } from "./sla-filter";
import { recordStaleAlerts } from "./stale-alerts";

// Tiers and SLA timers end to end: tickets synced from the HubSpot simulator by the sync engine,
// derived as they are stored, on a real Postgres, with a clock the test moves.

const HOUR = 3_600_000;
// Monday 16 March 2026, 10:00 in London (GMT).
const MONDAY_10 = Date.parse("2026-03-16T10:00:00Z");

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const TIER_OF_PROPERTY: Record<string, string> = { managed: "MANAGED", enterprise: "ENTERPRISE", community: "COMMUNITY" };

/** Which SLA filter of the queue's SQL each ticket falls in at `now` (every ticket, open or not). */
async function sqlStates(h: SyncHarness, now: Date): Promise<Map<string, SlaState[]>> {
  const config = await loadSlaConfig(h.db);
  const open = openCalendarKeys(calendarPhases(config, now));
  const states = new Map<string, SlaState[]>();
  for (const state of SLA_STATES) {
    const rows = await h.db.$queryRaw<{ id: string }[]>`SELECT t.id FROM tickets t WHERE ${slaStateCondition(state, now, open)}`;
    for (const { id } of rows) states.set(id, [...(states.get(id) ?? []), state]);
  }
  return states;
}

async function tsStates(h: SyncHarness, now: Date): Promise<Map<string, SlaState[]>> {
  const config = await loadSlaConfig(h.db);
  const tickets = await h.db.ticket.findMany();
  return new Map(tickets.map((ticket) => [ticket.id, [storedSlaStatus(ticket, config, now).state]]));
}

async function stateOf(h: SyncHarness, id: string, now: number): Promise<SlaState> {
  const config = await loadSlaConfig(h.db);
  const ticket = await h.db.ticket.findUniqueOrThrow({ where: { id } });
  const state = storedSlaStatus(ticket, config, new Date(now)).state;
  // The queue's filter must find it under the same state.
  const page = await loadQueue(h.db, { ...parseQueueParams({}), sla: state }, new Date(now), { pageSize: 500 });
  expect(page.rows.map((row) => row.id), `queue filter ${state}`).toContain(id);
  return state;
}

describe("tickets synced from the simulator", () => {
  it("get the tier of their company, the due time of their creation and the first response of their thread", async () => {
    const clock = virtualClock(MONDAY_10);
    harness = await startSyncHarness({ dataset: { tickets: 300, seed: 13 }, clock });
    const h = harness;
    expect((await runBackfill(h.deps)).done).toBe(true);
    // As the backfill job does: its tickets' tier and SLA fields come from the rederive job.
    expect(await rederiveOutdated(h.db)).toEqual({ derived: 300, done: true });
    await syncOpenTicketThreads(h.deps);

    const portal = h.fake.portal();
    const expected = simulatorTickets(h.fake, ["createdate", "hs_pipeline_stage", "hs_first_agent_message_sent_at"]);
    const stored = new Map((await h.db.ticket.findMany()).map((ticket) => [ticket.id, ticket]));
    expect(stored.size).toBe(expected.size);
    const tiers = new Set<string>();
    for (const [id, ticket] of expected) {
      const row = stored.get(id)!;
      const company = ticket.primaryCompany ? portal.collections.companies.get(Number(ticket.primaryCompany)) : undefined;
      const tier = TIER_OF_PROPERTY[company?.properties.support_tier ?? ""] ?? "UNKNOWN";
      tiers.add(tier);
      expect(row.tier, `ticket ${id}`).toBe(tier);
      expect(row.tierReason).toBe(tier === "UNKNOWN" ? "No tier rule matched this contact or company" : `Company property support_tier = ${company!.properties.support_tier}`);
      const createdAt = new Date(ticket.properties.createdate!);
      expect(row.openedAt).toEqual(createdAt);
      if (tier === "COMMUNITY") {
        expect(row).toMatchObject({ slaApplies: false, firstResponseDueAt: null });
      } else {
        expect(row).toMatchObject({ slaApplies: true, slaTargetMinutes: 240, firstResponseDueAt: firstResponseDueAt(createdAt) });
      }
      expect(row.isOpen).toBe(!["4", "21834211"].includes(ticket.properties.hs_pipeline_stage!));
      const agentAt = ticket.properties.hs_first_agent_message_sent_at;
      expect(row.firstResponseAt?.toISOString() ?? null, `first response of ${id}`).toBe(agentAt ? new Date(agentAt).toISOString() : null);
    }
    expect([...tiers].sort()).toEqual(["COMMUNITY", "ENTERPRISE", "MANAGED", "UNKNOWN"]);
    // Open tickets' threads were read: their first responses come from the thread itself.
    const open = [...stored.values()].filter((ticket) => ticket.isOpen && ticket.firstResponseAt);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((ticket) => ticket.firstResponseSource === "THREAD")).toBe(true);

    // The queue's SQL filters and lib/sla's slaStatus agree on every ticket, at any moment:
    // open hours, the evening, the weekend, a week on.
    for (const offset of [0, 5 * HOUR, 9 * HOUR, 5 * 24 * HOUR + 2 * HOUR, 7 * 24 * HOUR]) {
      const now = new Date(MONDAY_10 + offset);
      expect(await sqlStates(h, now), now.toISOString()).toEqual(await tsStates(h, now));
    }
  });

  it("run due soon, breached and met as time passes and the team replies; stale once per period", async () => {
    const clock = virtualClock(MONDAY_10 - 2 * HOUR);
    harness = await startSyncHarness({ dataset: { tickets: 30, seed: 5 }, clock });
    const h = harness;
    const control = new HubSpotControlClient(h.fake.url);
    expect((await runBackfill(h.deps)).done).toBe(true);
    const dataset = h.fake.portal().dataset;
    const enterprise = Array.from({ length: dataset.companyCount }, (_, k) => dataset.company(k)).find((company) => company.tier === "enterprise")!;

    clock.advance(2 * HOUR);
    const contact = { email: "sam@example.org", companyId: String(enterprise.id) };
    const answered = await control.createTicket({ subject: "Flows stopped deploying", contact });
    const ignored = await control.createTicket({ subject: "Editor will not load", contact: { ...contact, email: "kim@example.org" } });
    const sync = async () => {
      await reconcileType(h.deps, "tickets", { overlapMs: 0 });
      for (const id of [answered.id, ignored.id]) await syncTicketThread(h.deps, id);
    };
    await sync();

    const row = await h.db.ticket.findUniqueOrThrow({ where: { id: answered.id } });
    expect(row).toMatchObject({ tier: "ENTERPRISE", tierDecidedBy: "COMPANY_PROPERTY", isOpen: true, firstResponseDueAt: new Date(MONDAY_10 + 4 * HOUR) });
    expect(await stateOf(h, answered.id, clock.now())).toBe("running");

    clock.advance(3 * HOUR + 30_000); // 13:00:30: 59.5 business minutes left
    expect(await stateOf(h, answered.id, clock.now())).toBe("due_soon");
    await control.agentMessage(answered.id, "Thanks, looking at it now: https://flowfuse.com/docs/user/logs");
    clock.advance(1000);
    await sync();
    expect(await h.db.ticket.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({ firstResponseSource: "THREAD", firstResponseOnTime: true });
    expect(await stateOf(h, answered.id, clock.now())).toBe("met");

    clock.advance(HOUR); // 14:00:31: past the due time with no reply
    expect(await stateOf(h, ignored.id, clock.now())).toBe("breached");
    // The evening and the night leave it breached; they do not add to it.
    expect(await stateOf(h, ignored.id, MONDAY_10 + 12 * HOUR)).toBe("breached");
    await control.agentMessage(ignored.id, "Sorry for the wait");
    clock.advance(1000);
    await sync();
    expect(await stateOf(h, ignored.id, clock.now())).toBe("met_late");

    // Stale: a day after the last update, one alert per ticket and period however often the finder runs.
    const lastUpdate = (await h.db.ticket.findUniqueOrThrow({ where: { id: ignored.id } })).hsLastModifiedAt;
    clock.advance(lastUpdate.getTime() + 24 * HOUR - clock.now());
    await recordStaleAlerts(h.db, new Date(clock.now()));
    // Answered an hour earlier, so stale an hour earlier; the other not yet (a day exactly is not over a day).
    expect(await h.db.staleAlert.count({ where: { ticketId: answered.id } })).toBe(1);
    expect(await h.db.staleAlert.count({ where: { ticketId: ignored.id } })).toBe(0);
    clock.advance(60_000);
    expect((await recordStaleAlerts(h.db, new Date(clock.now()))).recorded).toBe(1);
    expect(await h.db.staleAlert.findMany({ where: { ticketId: { in: [answered.id, ignored.id] } }, select: { ticketId: true, postedAt: true } })).toEqual(
      expect.arrayContaining([
        { ticketId: answered.id, postedAt: null },
        { ticketId: ignored.id, postedAt: null },
      ]),
    );
    for (let minute = 0; minute < 3; minute += 1) {
      clock.advance(60_000);
      expect((await recordStaleAlerts(h.db, new Date(clock.now()))).recorded).toBe(0);
    }
    // The customer writes again: a new period, alerted a day later, once.
    await control.customerMessage(ignored.id, "Any news?");
    clock.advance(1000);
    await sync();
    clock.advance(24 * HOUR + 60_000);
    await recordStaleAlerts(h.db, new Date(clock.now()));
    await recordStaleAlerts(h.db, new Date(clock.now()));
    expect(await h.db.staleAlert.count({ where: { ticketId: ignored.id } })).toBe(2);
    // A ticket the team logged itself (a phone call) never goes stale.
    const phone = await control.createTicket({ subject: "Called about invoices", as: "user", contact: { email: "lee@example.org" } });
    await reconcileType(h.deps, "tickets", { overlapMs: 0 });
    clock.advance(48 * HOUR);
    await recordStaleAlerts(h.db, new Date(clock.now()));
    expect(await h.db.staleAlert.count({ where: { ticketId: phone.id } })).toBe(0);
  });

  it("are all derived again when a backfill completes, also those derived while it ran", async () => {
    harness = await startSyncHarness({ dataset: { tickets: 300, seed: 21 } });
    const h = harness;
    // Stop once the tickets are listed, before the rest of the related records and completion.
    const stop = new AbortController();
    const deps = { ...h.deps, log: (line: string) => (line.startsWith("backfill: tickets listed") ? stop.abort() : undefined) };
    expect((await runBackfill(deps, { signal: stop.signal })).done).toBe(false);
    // The minute's recompute runs in between, on what is there so far.
    expect((await rederiveOutdated(h.db)).derived).toBe(300);
    expect((await runBackfill(h.deps)).done).toBe(true);
    const { version } = await loadSlaConfig(h.db);
    expect(await h.db.ticket.count({ where: { derivedVersion: { gte: version } } })).toBe(0);
    expect(await rederiveOutdated(h.db)).toEqual({ derived: 300, done: true });
  });

  it("are derived once after a backfill, and recomputed when the rules change, open tickets first", async () => {
    harness = await startSyncHarness({ dataset: { tickets: 120, seed: 8 } });
    const h = harness;
    expect((await runBackfill(h.deps)).done).toBe(true);
    // The backfill leaves every ticket to the rederive job, which derives each once.
    expect(await h.db.ticket.count({ where: { derivedVersion: 0 } })).toBe(120);
    expect(await rederiveOutdated(h.db)).toEqual({ derived: 120, done: true });
    const config = await loadSlaConfig(h.db);
    expect(await h.db.ticket.count({ where: { derivedVersion: { not: config.version } } })).toBe(0);
    // Nothing outdated: the recompute does nothing.
    expect(await rederiveOutdated(h.db)).toEqual({ derived: 0, done: true });

    const unknown = await h.db.ticket.findFirstOrThrow({ where: { tier: "UNKNOWN", customerCompanyId: { not: null } } });
    await h.db.$transaction(async (tx) => {
      await tx.tierRule.create({ data: { kind: "COMPANY", companyId: unknown.customerCompanyId, tier: "ENTERPRISE", position: 0 } });
      await tx.slaSettings.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
    });
    const result = await rederiveOutdated(h.db, { batchSize: 50 });
    expect(result).toEqual({ derived: await h.db.ticket.count(), done: true });
    const after = await h.db.ticket.findUniqueOrThrow({ where: { id: unknown.id } });
    expect(after).toMatchObject({ tier: "ENTERPRISE", tierDecidedBy: "COMPANY" });
    expect(after.tierReason).toMatch(/^Company .*\(\d+\) assigned to Enterprise$/);

    // Deleting the rule leaves the ticket pointing at nothing until it is recomputed, then Unknown again.
    await h.db.$transaction([h.db.tierRule.delete({ where: { id: after.tierRuleId! } }), h.db.slaSettings.update({ where: { id: 1 }, data: { version: { increment: 1 } } })]);
    expect((await h.db.ticket.findUniqueOrThrow({ where: { id: unknown.id } })).tierRuleId).toBeNull();
    await rederiveOutdated(h.db);
    expect((await h.db.ticket.findUniqueOrThrow({ where: { id: unknown.id } })).tier).toBe("UNKNOWN");
    // Each row was written once per change: nothing is left to do.
    const untouched = await h.db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM tickets WHERE derived_version < (SELECT version FROM sla_settings)`);
    expect(untouched[0]?.n).toBe(0);
  });
});
