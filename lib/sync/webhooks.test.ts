import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { fromPrisma, PgBoss } from "pg-boss";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { hubspotWebhookHandler } from "@/app/api/webhooks/hubspot/handler";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import { signV3 } from "@/lib/integrations/hubspot/signature";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { createTestDatabase } from "@/test/db";
import { databaseTickets, simulatorTickets, startSyncHarness, type SyncHarness } from "@/test/hubspot";
import { runBackfill } from "./backfill";
import type { Db } from "./deps";
import { reconcileType, sweepDeletedTickets } from "./reconcile";
import { applyHubSpotEvents } from "./webhook-events";

// Webhooks end to end against the simulator: it signs and posts its events to the real route
// handler (over HTTP, through a small server standing in for Next), the handler stores them and
// queues their application in one transaction, and the worker's code applies them.

const SECRET = "webhook-test-secret";
const PATH = "/api/webhooks/hubspot";
const USER = { source: "CRM_UI" as const, strict: false };

interface Receiver {
  url: string;
  origin: string;
  captured: { body: string }[];
  stop(): Promise<void>;
}

/** An HTTP server that hands each request to a handler as a Web Request (as Next does), or captures it. */
async function startReceiver(handlerAt: ((origin: string) => (request: Request) => Promise<Response>) | "capture"): Promise<Receiver> {
  const captured: { body: string }[] = [];
  let handle: ((request: Request) => Promise<Response>) | "capture" = "capture";
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (handle === "capture") {
      captured.push({ body });
      res.writeHead(204).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await handle(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body }));
    res.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (handlerAt !== "capture") handle = handlerAt(origin);
  return { url: `${origin}${PATH}`, origin, captured, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function startProducer(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false, registerInstance: false });
  boss.on("error", () => undefined);
  await boss.start();
  await boss.createQueue(HUBSPOT_QUEUES.applyWebhooks.name, HUBSPOT_QUEUES.applyWebhooks.settings);
  return boss;
}

function handlerFor(db: Db, boss: PgBoss, origin: string) {
  return hubspotWebhookHandler({
    db,
    clientSecret: SECRET,
    publicOrigin: origin,
    now: Date.now,
    enqueue: (tx) => boss.send(HUBSPOT_QUEUES.applyWebhooks.name, {}, { db: fromPrisma(tx) }),
  });
}

function signedRequest(origin: string, body: string, overrides: { signature?: string | null; timestamp?: string | null; secret?: string } = {}) {
  const timestamp = overrides.timestamp === undefined ? String(Date.now()) : overrides.timestamp;
  const signature = overrides.signature === undefined ? signV3(overrides.secret ?? SECRET, "POST", `${origin}${PATH}`, body, timestamp ?? "") : overrides.signature;
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["X-HubSpot-Signature-v3"] = signature;
  if (timestamp !== null) headers["X-HubSpot-Request-Timestamp"] = timestamp;
  return new Request(`http://internal-host:3000${PATH}`, { method: "POST", headers, body });
}

async function queuedApplications(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${HUBSPOT_QUEUES.applyWebhooks.name}`;
  return row?.n ?? 0;
}

let harness: SyncHarness;
let boss: PgBoss;
const cleanups: (() => Promise<unknown>)[] = [];
beforeEach(async () => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  harness = await startSyncHarness({ dataset: { tickets: 400, seed: 21 } });
  boss = await startProducer(harness.database.url);
  cleanups.push(() => harness.stop(), () => boss.stop({ graceful: false, close: true }));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.restoreAllMocks();
});

describe("the HubSpot webhook route", () => {
  const body = JSON.stringify([
    { eventId: 1, subscriptionId: 2, portalId: 3, appId: 4, occurredAt: Date.now(), subscriptionType: "ticket.propertyChange", attemptNumber: 0, objectId: 4_200_000_001, changeSource: "CRM_UI", propertyName: "subject", propertyValue: "x" },
  ]);

  it("refuses a bad signature, a changed byte, a stale timestamp and missing headers with 401, storing nothing", async () => {
    const origin = "https://desk.example.com";
    const handle = handlerFor(harness.db, boss, origin);
    const stale = String(Date.now() - 5 * 60_000 - 1000);
    const refused = [
      signedRequest(origin, body, { secret: "not-the-secret" }),
      new Request(signedRequest(origin, body), { body: body.replace('"x"', '"y"') }),
      signedRequest(origin, body, { timestamp: stale }),
      signedRequest(origin, body, { signature: null }),
      signedRequest(origin, body, { timestamp: null }),
      // Signed for the internal URL the server sees, not the public one HubSpot posted to.
      new Request(`http://internal-host:3000${PATH}`, {
        method: "POST",
        headers: { "X-HubSpot-Signature-v3": signV3(SECRET, "POST", `http://internal-host:3000${PATH}`, body, String(Date.now())), "X-HubSpot-Request-Timestamp": String(Date.now()) },
        body,
      }),
    ];
    for (const request of refused) expect((await handle(request)).status).toBe(401);
    expect(await harness.db.webhookEvent.count()).toBe(0);
    expect(await queuedApplications(harness.db)).toBe(0);

    const accepted = await handle(signedRequest(origin, body));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ received: 1, stored: 1 });
    expect(await harness.db.webhookEvent.count()).toBe(1);
    expect(await queuedApplications(harness.db)).toBe(1);
  });

  it("answers 400 to a signed body that is not HubSpot's events, storing nothing", async () => {
    const handle = handlerFor(harness.db, boss, "https://desk.example.com");
    for (const bad of ["not json", "{}", "[]", JSON.stringify([{ eventId: "1" }]), JSON.stringify([{ eventId: 1, occurredAt: "yesterday", subscriptionType: "ticket.creation", objectId: 5 }])]) {
      expect((await handle(signedRequest("https://desk.example.com", bad))).status).toBe(400);
    }
    expect(await harness.db.webhookEvent.count()).toBe(0);
  });
});

describe("webhooks and reconciliation keep Postgres in step", () => {
  async function expectInStep(h: SyncHarness) {
    expect(await databaseTickets(h.db, TICKET_PROPERTIES)).toEqual(simulatorTickets(h.fake, TICKET_PROPERTIES));
  }

  it("follows creates, changes, merges and deletes through webhooks, then through reconciliation when webhooks are off", async () => {
    const h = harness;
    await runBackfill(h.deps);
    const receiver = await startReceiver((origin) => handlerFor(h.db, boss, origin));
    cleanups.push(() => receiver.stop());
    h.fake.webhooks.configure({ targetUrl: receiver.url, clientSecret: SECRET, enabled: true, batchDelayMs: 20, retryBaseMs: 50 });

    const portal = h.fake.portal();
    const created = portal.create("tickets", { subject: "Webhook-born ticket", hs_pipeline_stage: "1" }, [{ toId: 100_003, typeId: 16 }], USER);
    const { thread } = portal.customerMessage(created.id, { text: "My instance will not start", channel: "EMAIL" });
    portal.update("tickets", 4_200_000_002, { hs_pipeline_stage: "4", hs_ticket_priority: "URGENT" }, USER);
    portal.archive("tickets", 4_200_000_003, USER);
    portal.mergeTickets(4_200_000_004, 4_200_000_005, USER);
    h.fake.webhooks.flush();
    await h.fake.webhooks.idle();
    expect(h.fake.webhooks.deliveries.map((delivery) => delivery.outcome)).toEqual(h.fake.webhooks.deliveries.map(() => 200));
    expect(h.fake.webhooks.stats.eventsDelivered).toBeGreaterThan(5);
    expect(await queuedApplications(h.db)).toBeGreaterThanOrEqual(1);

    const applied = await applyHubSpotEvents(h.deps);
    expect(applied.processed).toBe(await h.db.webhookEvent.count());
    await expectInStep(h);
    expect(await h.db.ticket.findUnique({ where: { id: "4200000003" } })).toMatchObject({ archivedAt: expect.any(Date) });
    expect(await h.db.ticket.findUnique({ where: { id: "4200000005" } })).toMatchObject({ archivedAt: expect.any(Date), mergedIntoId: "4200000004" });
    const messages = await h.db.conversationMessage.findMany({ where: { threadId: String(thread.id) } });
    expect(messages.map((message) => [message.direction, message.text])).toEqual([["INCOMING", "My instance will not start"]]);

    // Webhooks off: HubSpot keeps changing, reconciliation catches up.
    h.fake.webhooks.configure({ enabled: false });
    const quiet = portal.create("tickets", { subject: "Created with webhooks off", hs_pipeline_stage: "1" }, [{ toId: 100_004, typeId: 16 }], USER);
    portal.update("tickets", 4_200_000_006, { subject: "Renamed with webhooks off" }, USER);
    portal.archive("tickets", 4_200_000_007, USER);
    expect(await h.db.ticket.findUnique({ where: { id: String(quiet.id) } })).toBeNull();
    await reconcileType(h.deps, "tickets");
    await sweepDeletedTickets(h.deps);
    await expectInStep(h);
    expect((await h.db.ticket.findUnique({ where: { id: "4200000006" } }))?.subject).toBe("Renamed with webhooks off");
  });

  it("applies a batch delivered 100 times once, and shuffled events end in the same state", async () => {
    const h = harness;
    await runBackfill(h.deps);
    // A second database, backfilled from the same HubSpot, for the shuffled delivery.
    const other = await createTestDatabase();
    const otherDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: other.url }) });
    const otherBoss = await startProducer(other.url);
    cleanups.push(() => other.drop(), () => otherDb.$disconnect(), () => otherBoss.stop({ graceful: false, close: true }));
    const otherDeps = { ...h.newDeps(), db: otherDb };
    await runBackfill(otherDeps);
    const capture = await startReceiver("capture");
    cleanups.push(() => capture.stop());
    h.fake.webhooks.configure({ targetUrl: capture.url, clientSecret: SECRET, enabled: true, batchDelayMs: 10 });
    const portal = h.fake.portal();
    for (let i = 0; i < 3; i++) portal.create("tickets", { subject: `New ${i}`, hs_pipeline_stage: "1" }, [{ toId: 100_010 + i, typeId: 16 }], USER);
    for (const id of [11, 12, 13]) portal.update("tickets", 4_200_000_000 + id, { hs_pipeline_stage: "3" }, USER);
    portal.update("tickets", 4_200_000_012, { hs_pipeline_stage: "4" }, USER);
    portal.archive("tickets", 4_200_000_014, USER);
    h.fake.webhooks.flush();
    await h.fake.webhooks.idle();
    const batches = capture.captured.map((delivery) => delivery.body);
    const events = batches.flatMap((batch) => JSON.parse(batch) as { eventId: number }[]);
    expect(events.length).toBeGreaterThan(10);

    // Delivered 100 times (HubSpot retries re-sign with a new timestamp): stored once, applied once.
    const handle = handlerFor(h.db, boss, capture.origin);
    for (let i = 0; i < 100; i++) expect((await handle(signedRequest(capture.origin, batches[0]!))).status).toBe(200);
    for (const batch of batches.slice(1)) await handle(signedRequest(capture.origin, batch));
    expect(await h.db.webhookEvent.count()).toBe(new Set(events.map((event) => event.eventId)).size);
    await applyHubSpotEvents(h.deps);
    expect(await h.db.webhookEvent.count({ where: { attempts: 1, processedAt: { not: null } } })).toBe(events.length);
    const requests = h.deps.hubspot.stats.requests;
    expect((await applyHubSpotEvents(h.deps)).processed).toBe(0);
    expect(h.deps.hubspot.stats.requests).toBe(requests);
    expect(await databaseTickets(h.db, TICKET_PROPERTIES)).toEqual(simulatorTickets(h.fake, TICKET_PROPERTIES));

    // The same events shuffled, a few at a time, into the second database: the same end state.
    const shuffled = [...events].sort(() => Math.random() - 0.5);
    const otherHandle = handlerFor(otherDb, otherBoss, capture.origin);
    for (let i = 0; i < shuffled.length; i += 3) {
      expect((await otherHandle(signedRequest(capture.origin, JSON.stringify(shuffled.slice(i, i + 3))))).status).toBe(200);
      await applyHubSpotEvents(otherDeps);
    }
    expect(await databaseTickets(otherDb, TICKET_PROPERTIES)).toEqual(await databaseTickets(h.db, TICKET_PROPERTIES));
    const archived = async (db: Db) => (await db.ticket.findMany({ where: { archivedAt: { not: null } }, select: { id: true } })).map((t) => t.id);
    expect(await archived(otherDb)).toEqual(await archived(h.db));
  });
});
