import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HubSpotControlError } from "./control-client";
import { startTestSimulator, type TestSimulator } from "./test-support";

// The control API: acting as customers and HubSpot users, reading back, reset, clock, the page.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator({ rateLimit: { burstPer10s: 100, searchPerSecond: 5 } });
});
afterAll(() => sim.fake.stop());

describe("control API", () => {
  it("raises a customer ticket by email, with its contact, company, thread and first message", async () => {
    const ticket = await sim.control.createTicket({
      subject: "Snapshots fail to deploy to device",
      content: "Our device never picks up the new snapshot.",
      contact: { email: "ops@northwind.example", firstname: "Ada", lastname: "Ops" },
      properties: { hs_ticket_priority: "HIGH" },
    });
    expect(ticket.properties).toMatchObject({ subject: "Snapshots fail to deploy to device", source_type: "EMAIL", hs_object_source: "CONVERSATIONS", hs_pipeline_stage: "1", hs_ticket_priority: "HIGH" });
    expect(ticket.contactIds).toHaveLength(1);
    const contact = await sim.client.crm.contacts.basicApi.getById(ticket.contactIds[0]!, ["email", "firstname"]);
    expect(contact.properties).toMatchObject({ email: "ops@northwind.example", firstname: "Ada" });
    const messages = await (await sim.api(`/conversations/v3/conversations/threads/${ticket.threadId}/messages`)).json();
    expect(messages.results).toEqual([expect.objectContaining({ direction: "INCOMING", text: "Our device never picks up the new snapshot.", senders: [expect.objectContaining({ deliveryIdentifier: { type: "HS_EMAIL_ADDRESS", value: "ops@northwind.example" } })] })]);
  });

  it("changes tickets as a HubSpot user, moves a waiting ticket back on a customer reply, and answers from the inbox", async () => {
    const ticket = await sim.control.createTicket({ subject: "Charged twice this month", channel: "CHAT" });
    const owner = (await sim.client.crm.owners.ownersApi.getPage()).results[2]!;
    const changed = await sim.control.updateTicket(ticket.id, { hs_pipeline_stage: "2", hubspot_owner_id: owner.id });
    expect(changed.properties).toMatchObject({ hs_pipeline_stage: "2", hubspot_owner_id: owner.id, hubspot_owner_assigneddate: expect.any(String) });
    await sim.control.customerMessage(ticket.id, "Still charged twice");
    expect((await sim.control.getTicket(ticket.id)).properties.hs_pipeline_stage).toBe("3");
    const { message } = await sim.control.agentMessage(ticket.id, "Refunded, sorry about that");
    expect(message).toMatchObject({ direction: "OUTGOING", createdBy: `A-${owner.userId}`, channelId: "1000" });
    const after = await sim.control.getTicket(ticket.id);
    expect(after.properties).toMatchObject({ hs_pipeline_stage: "2", hs_first_agent_message_sent_at: message.createdAt });
    // Written by HubSpot users, not by the app: nothing in the app's write log.
    expect(await sim.control.ticketUpdates(ticket.id)).toEqual([]);
    expect(await sim.control.messages({ ticketId: ticket.id })).toEqual([]);
    expect(await sim.control.messages({ ticketId: ticket.id, origin: "control" })).toHaveLength(3);
  });

  it("reports errors plainly", async () => {
    const err = await sim.control.getTicket("1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSpotControlError);
    expect((err as HubSpotControlError).status).toBe(404);
    await expect(sim.control.setFaults({ errorRate: 2 })).rejects.toThrow(/errorRate/);
    await expect(sim.control.createTicket({ subject: "" })).rejects.toThrow(/subject/);
  });

  it("moves the clock: writes are dated by it and the burst window rolls with it", async () => {
    const first = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!;
    const state = await sim.control.setClockOffset(86_400_000);
    const updated = await sim.client.crm.tickets.basicApi.update(first.id, { properties: { hs_ticket_category: "GENERAL_INQUIRY" } });
    expect(Math.abs(Date.parse(updated.properties.hs_lastmodifieddate!) - Date.parse(state.now))).toBeLessThan(5_000);
    expect(Date.parse(updated.properties.hs_lastmodifieddate!) - Date.now()).toBeGreaterThan(86_000_000);
    await sim.control.setClockOffset(0);
  });

  it("resets to the seed state", async () => {
    const first = (await sim.client.crm.tickets.basicApi.getPage(1, undefined, ["subject"])).results[0]!;
    await sim.client.crm.tickets.basicApi.update(first.id, { properties: { subject: "Changed" } });
    await sim.control.setFaults({ latencyMs: 5 });
    const stats = await sim.control.reset();
    expect(stats.data.tickets).toEqual({ generated: 300, created: 0, changed: 0, archived: 0 });
    expect(stats.faults.latencyMs).toBe(0);
    expect((await sim.client.crm.tickets.basicApi.getById(first.id, ["subject"])).properties.subject).toBe(first.properties.subject);
    expect(await sim.control.writes()).toEqual([]);
    const bigger = await sim.control.reset({ tickets: 500 });
    expect(bigger.data.tickets.generated).toBe(500);
    await sim.control.reset({ tickets: 300 });
  });

  it("shows a page with the counters at /", async () => {
    await sim.api("/crm/v3/owners");
    const res = await fetch(`${sim.fake.url}/`);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("HubSpot simulator");
    expect(html).toMatch(/API requests served<\/th><td>\d+/);
    const stats = await sim.control.stats();
    expect(stats.requests.api).toBeGreaterThan(0);
    expect(stats.requests.byStatus["200"]).toBeGreaterThan(0);
  });
});
