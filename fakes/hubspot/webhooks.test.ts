import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Signature } from "@hubspot/api-client";
import { afterEach, describe, expect, it } from "vitest";
import { API_ACTOR } from "./store/portal";
import { startTestSimulator, type TestSimulator } from "./test-support";
import type { WebhookEvent } from "./webhooks";

// Signed v3 webhooks: content, batching, retries and switching them off.

interface Delivery {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  events: WebhookEvent[];
}

const SECRET = "webhook-client-secret";

/** A receiver that answers with the next scripted status (200 once the script runs out). */
async function receiver(script: number[] = []) {
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      deliveries.push({ url: req.url ?? "", headers: req.headers, raw, events: JSON.parse(raw) as WebhookEvent[] });
      res.writeHead(script.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/hubspot?source=sim`;
  return { url, deliveries, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(script: number[] = [], webhookOptions: { maxRetries?: number; targetUrl?: string } = {}): Promise<{ sim: TestSimulator; rx: Awaited<ReturnType<typeof receiver>> }> {
  const rx = await receiver(script);
  cleanups.push(rx.close);
  const sim = await startTestSimulator({
    webhooks: { targetUrl: webhookOptions.targetUrl ?? rx.url, clientSecret: SECRET, batchDelayMs: 30, retryBaseMs: 20, ...(webhookOptions.maxRetries !== undefined ? { maxRetries: webhookOptions.maxRetries } : {}) },
  });
  cleanups.push(() => sim.fake.stop());
  return { sim, rx };
}

describe("webhooks", () => {
  it("sends signed batches describing ticket and conversation changes", async () => {
    const { sim, rx } = await setUp();
    const ticket = await sim.control.createTicket({ subject: "Editor very slow", content: "The editor takes a minute to load" });
    await sim.fake.webhooks.idle();

    expect(rx.deliveries.length).toBeGreaterThan(0);
    for (const d of rx.deliveries) {
      const timestamp = String(d.headers["x-hubspot-request-timestamp"]);
      const signature = String(d.headers["x-hubspot-signature-v3"]);
      expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
      // The documented algorithm, computed here independently...
      const expected = createHmac("sha256", SECRET).update(`POST${rx.url}${d.raw}${timestamp}`).digest("base64");
      expect(timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
      // ...and as the official client checks it.
      expect(Signature.isValid({ signatureVersion: "v3", method: "POST", signature, clientSecret: SECRET, requestBody: d.raw, url: rx.url, timestamp: Number(timestamp) })).toBe(true);
    }

    const events = rx.deliveries.flatMap((d) => d.events);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    for (const e of events) {
      expect(e).toMatchObject({ portalId: expect.any(Number), appId: expect.any(Number), subscriptionId: expect.any(Number), attemptNumber: 0, occurredAt: expect.any(Number), changeSource: "CONVERSATIONS" });
    }
    const id = Number(ticket.id);
    expect(events).toContainEqual(expect.objectContaining({ subscriptionType: "ticket.creation", objectId: id, changeFlag: "NEW" }));
    expect(events).toContainEqual(expect.objectContaining({ subscriptionType: "ticket.propertyChange", objectId: id, propertyName: "subject", propertyValue: "Editor very slow" }));
    expect(events).toContainEqual(expect.objectContaining({ subscriptionType: "ticket.associationChange", objectId: id, associationType: "TICKET_TO_CONTACT", associationRemoved: false }));
    const newMessage = events.find((e) => e.subscriptionType === "conversation.newMessage")!;
    expect(newMessage).toMatchObject({ objectId: Number(ticket.threadId), messageType: "MESSAGE", changeFlag: "NEW_MESSAGE", messageId: expect.any(String) });

    rx.deliveries.length = 0;
    await sim.control.deleteTicket(ticket.id);
    await sim.control.flushWebhooks();
    expect(rx.deliveries.flatMap((d) => d.events)).toContainEqual(expect.objectContaining({ subscriptionType: "ticket.deletion", objectId: id, changeSource: "CRM_UI" }));
  });

  it("batches at most 100 events per request, in no particular order", async () => {
    const { sim, rx } = await setUp();
    const portal = sim.fake.portal();
    const tickets = (await sim.client.crm.tickets.basicApi.getPage(75)).results;
    for (const t of tickets) portal.update("tickets", Number(t.id), { hs_ticket_priority: "URGENT", hs_ticket_category: "BILLING_ISSUE" }, API_ACTOR);
    await sim.fake.webhooks.idle();
    const sizes = rx.deliveries.map((d) => d.events.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    const events = rx.deliveries.flatMap((d) => d.events);
    const expected = tickets.filter((t) => t.properties.hs_ticket_priority !== "URGENT").length + tickets.filter((t) => t.properties.hs_ticket_category !== "BILLING_ISSUE").length;
    expect(events.filter((e) => e.subscriptionType === "ticket.propertyChange" && e.propertyName !== "closed_date")).toHaveLength(expected);
    const full = rx.deliveries.find((d) => d.events.length === 100)!;
    const ids = full.events.map((e) => e.eventId);
    expect(ids).not.toEqual([...ids].sort((a, b) => a - b));
  });

  it("retries 5xx answers with the same events and a growing attemptNumber", async () => {
    const { sim, rx } = await setUp([500, 503]);
    await sim.control.customerMessage((await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!.id, "Any update?");
    await sim.fake.webhooks.idle();
    expect(rx.deliveries.map((d) => d.events[0]!.attemptNumber)).toEqual([0, 1, 2]);
    const ids = rx.deliveries.map((d) => d.events.map((e) => e.eventId).sort().join());
    expect(new Set(ids).size).toBe(1);
    const state = await sim.control.webhooks();
    expect(state.deliveries.map((d) => [d.attemptNumber, d.outcome, d.willRetry])).toEqual([
      [0, 500, true],
      [1, 503, true],
      [2, 200, false],
    ]);
    expect(state.stats.eventsDelivered).toBe(rx.deliveries[0]!.events.length);
  });

  it("does not retry other 4xx answers, and gives up on connection errors after the last retry", async () => {
    const { sim, rx } = await setUp([400]);
    await sim.control.createTicket({ subject: "Rejected", as: "user" });
    await sim.fake.webhooks.idle();
    expect(rx.deliveries).toHaveLength(1);
    expect((await sim.control.webhooks()).stats.eventsFailed).toBe(rx.deliveries[0]!.events.length);

    const dead = await receiver();
    await dead.close();
    await sim.control.setWebhooks({ targetUrl: dead.url, maxRetries: 2 });
    await sim.control.createTicket({ subject: "Nobody listens", as: "user" });
    const state = await sim.control.flushWebhooks();
    const attempts = state.deliveries.filter((d) => typeof d.outcome === "string");
    expect(attempts.map((d) => d.attemptNumber)).toEqual([0, 1, 2]);
    expect(attempts.at(-1)!.willRetry).toBe(false);
  });

  it("can be switched off and on through the control API", async () => {
    const { sim, rx } = await setUp();
    await sim.control.setWebhooks({ enabled: false });
    await sim.control.createTicket({ subject: "Silent", as: "user" });
    await sim.control.flushWebhooks();
    expect(rx.deliveries).toHaveLength(0);
    expect((await sim.control.webhooks()).stats.eventsDropped).toBeGreaterThan(0);
    await sim.control.setWebhooks({ enabled: true });
    await sim.control.createTicket({ subject: "Heard", as: "user" });
    await sim.control.flushWebhooks();
    expect(rx.deliveries.flatMap((d) => d.events)).toContainEqual(expect.objectContaining({ subscriptionType: "ticket.propertyChange", propertyName: "subject", propertyValue: "Heard" }));
  });
});
