import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiError, startTestSimulator, type TestSimulator } from "./test-support";

// Conversations (threads, messages, replies, channels), notes and user provisioning.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.fake.stop());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function get(path: string): Promise<Json> {
  const res = await sim.client.apiRequest({ method: "GET", path });
  return (await res.json()) as Json;
}

async function post(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const res = await sim.api(path, { method: "POST", body });
  return { status: res.status, body: (await res.json()) as Json };
}

/** An open email ticket that is waiting on the team, with its thread. */
async function waitingEmailTicket() {
  const found = await sim.client.crm.tickets.searchApi.doSearch({
    filterGroups: [{ filters: [
      { propertyName: "hs_pipeline_stage", operator: "EQ" as never, value: "1" },
      { propertyName: "source_type", operator: "EQ" as never, value: "EMAIL" },
    ] }],
    properties: ["hs_conversations_originating_thread_id", "hs_first_agent_message_sent_at", "hs_pipeline_stage", "subject"],
    limit: 1,
  } as never);
  return found.results[0]!;
}

describe("threads and messages", () => {
  it("finds a ticket's thread and lists its messages with paging", async () => {
    const ticket = await waitingEmailTicket();
    const threads = await get(`/conversations/v3/conversations/threads?associatedTicketId=${ticket.id}&association=TICKET`);
    expect(threads.results).toHaveLength(1);
    const thread = threads.results[0];
    expect(thread).toMatchObject({
      id: ticket.properties.hs_conversations_originating_thread_id,
      status: "OPEN",
      originalChannelId: "1002",
      threadAssociations: { associatedTicketId: ticket.id },
    });
    expect(await get(`/conversations/v3/conversations/threads/${thread.id}`)).toMatchObject({ id: thread.id, originalChannelAccountId: thread.originalChannelAccountId });

    const closed = await sim.client.crm.tickets.searchApi.doSearch({
      filterGroups: [{ filters: [
        { propertyName: "hs_pipeline_stage", operator: "EQ" as never, value: "4" },
        { propertyName: "source_type", operator: "EQ" as never, value: "EMAIL" },
        { propertyName: "hs_last_message_received_at", operator: "HAS_PROPERTY" as never },
      ] }],
      properties: ["hs_conversations_originating_thread_id"],
      limit: 50,
    } as never);
    let longest: Json[] = [];
    for (const t of closed.results) {
      const all = await get(`/conversations/v3/conversations/threads/${t.properties.hs_conversations_originating_thread_id}/messages?limit=100`);
      if (all.results.length > longest.length) longest = all.results;
    }
    expect(longest.length).toBeGreaterThanOrEqual(3);
    const threadId = longest[0]!.conversationsThreadId;
    const paged: Json[] = [];
    let after = "";
    do {
      const page = await get(`/conversations/v3/conversations/threads/${threadId}/messages?limit=2${after ? `&after=${after}` : ""}`);
      paged.push(...page.results);
      after = page.paging?.next?.after ?? "";
    } while (after);
    expect(paged.map((m) => m.id)).toEqual(longest.map((m) => m.id));
    expect(longest[0]).toMatchObject({ type: "MESSAGE", direction: "INCOMING", channelId: "1002" });
    expect(longest.some((m) => m.direction === "OUTGOING" && m.senders[0].actorId.startsWith("A-"))).toBe(true);
    const one = await get(`/conversations/v3/conversations/threads/${threadId}/messages/${longest[1]!.id}`);
    expect(one.id).toBe(longest[1]!.id);
  });

  it("posts a reply (201) and updates the ticket as HubSpot's help desk does", async () => {
    const ticket = await waitingEmailTicket();
    const threadId = ticket.properties.hs_conversations_originating_thread_id!;
    const thread = await get(`/conversations/v3/conversations/threads/${threadId}`);
    const [customer] = (await get(`/conversations/v3/conversations/threads/${threadId}/messages`)).results;
    const owners = await sim.client.crm.owners.ownersApi.getPage();
    const agent = owners.results[1]!;
    const reply = {
      type: "MESSAGE",
      text: "Thanks, we are on it: https://flowfuse.com/docs/user/instance-states",
      richText: "<p>Thanks, we are on it</p>",
      attachments: [],
      senderActorId: `A-${agent.userId}`,
      channelId: thread.originalChannelId,
      channelAccountId: thread.originalChannelAccountId,
      recipients: [{ deliveryIdentifiers: [customer.senders[0].deliveryIdentifier] }],
      subject: `Re: ${ticket.properties.subject}`,
    };
    const res = await sim.client.apiRequest({ method: "POST", path: `/conversations/v3/conversations/threads/${threadId}/messages`, body: reply });
    expect(res.status).toBe(201);
    const message = (await res.json()) as Json;
    expect(message).toMatchObject({ type: "MESSAGE", direction: "OUTGOING", createdBy: `A-${agent.userId}`, channelId: "1002", client: { clientType: "INTEGRATION" } });

    const after = await sim.client.crm.tickets.basicApi.getById(ticket.id, ["hs_first_agent_message_sent_at", "hs_last_message_sent_at", "hs_pipeline_stage", "hubspot_owner_id"]);
    expect(after.properties.hs_first_agent_message_sent_at).toBe(message.createdAt);
    expect(after.properties.hs_last_message_sent_at).toBe(message.createdAt);
    expect(after.properties.hs_pipeline_stage).toBe("2");
    expect((await sim.control.messages({ ticketId: ticket.id })).map((m) => m.id)).toEqual([message.id]);
    const listed = await get(`/conversations/v3/conversations/threads/${threadId}/messages?limit=100`);
    expect(listed.results.at(-1).id).toBe(message.id);
  });

  it("validates replies: type, sender, channel and recipients", async () => {
    const ticket = await waitingEmailTicket();
    const threadId = ticket.properties.hs_conversations_originating_thread_id!;
    const thread = await get(`/conversations/v3/conversations/threads/${threadId}`);
    const good = {
      type: "MESSAGE",
      text: "hello",
      attachments: [],
      senderActorId: "A-61234001",
      channelId: thread.originalChannelId,
      channelAccountId: thread.originalChannelAccountId,
      recipients: [{ deliveryIdentifiers: [{ type: "HS_EMAIL_ADDRESS", value: "someone@example.com" }] }],
    };
    const bad = [
      { ...good, type: "NOTE" },
      { ...good, senderActorId: "61234001" },
      { ...good, senderActorId: "A-1" },
      { ...good, channelId: "1000" },
      { ...good, channelAccountId: "1" },
      { ...good, recipients: [] },
      { ...good, text: "" },
    ];
    for (const body of bad) {
      const res = await post(`/conversations/v3/conversations/threads/${threadId}/messages`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.category).toBe("VALIDATION_ERROR");
    }
    expect((await post("/conversations/v3/conversations/threads/1/messages", good)).status).toBe(404);
    expect((await sim.control.messages({ ticketId: ticket.id }))).toHaveLength(0);
  });

  it("lists the channels, with 1000 for chat and an email channel", async () => {
    const channels = await get("/conversations/v3/conversations/channels");
    expect(channels.results).toEqual(expect.arrayContaining([{ id: "1000", name: "Live chat" }, { id: "1002", name: "Email" }]));
    expect(channels.total).toBe(channels.results.length);
  });

  it("lets a customer write in through the control API, creating a thread when needed", async () => {
    const created = await sim.control.createTicket({ subject: "Widget down", content: "Our widget is down", as: "user" });
    expect(created.threadId).toBeUndefined();
    const { threadId, message } = await sim.control.customerMessage(created.id, "Any news?", { channel: "CHAT" });
    expect(message).toMatchObject({ direction: "INCOMING", channelId: "1000" });
    const ticket = await sim.control.getTicket(created.id);
    expect(ticket.threadId).toBe(threadId);
    expect(ticket.properties.hs_last_message_received_at).toBe(message.createdAt);
    const listed = await get(`/conversations/v3/conversations/threads?associatedTicketId=${created.id}`);
    expect(listed.results.map((t: Json) => t.id)).toEqual([threadId]);
  });
});

describe("notes", () => {
  it("creates a note on a ticket with association type 228", async () => {
    const ticket = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!;
    const note = await sim.client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: new Date().toISOString(), hs_note_body: "Reproduced on staging" },
      associations: [{ to: { id: ticket.id }, types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: 228 }] }],
    });
    expect(note.properties.hs_note_body).toBe("Reproduced on staging");
    const written = await sim.control.notes(ticket.id);
    expect(written).toEqual([expect.objectContaining({ id: note.id, associations: expect.objectContaining({ tickets: [{ id: ticket.id, typeIds: [228] }] }) })]);
    const fromTicket = await sim.client.crm.associations.v4.basicApi.getPage("tickets", ticket.id, "notes");
    expect(fromTicket.results).toEqual([{ toObjectId: note.id, associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 227, label: null }] }]);
    expect((await sim.client.crm.objects.notes.basicApi.getById(note.id, ["hs_note_body"])).properties.hs_note_body).toBe("Reproduced on staging");
    expect((await sim.client.crm.objects.notes.basicApi.getPage(100)).results.map((n) => n.id)).toContain(note.id);
  });

  it("requires hs_timestamp, limits the body to 65,536 characters and checks associations", async () => {
    const ticketId = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!.id;
    const assoc = [{ to: { id: ticketId }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 228 }] }];
    const cases = [
      { properties: { hs_note_body: "no timestamp" }, associations: assoc },
      { properties: { hs_timestamp: "2025-03-12T10:00:00Z", hs_note_body: "x".repeat(65_537) }, associations: assoc },
      { properties: { hs_timestamp: "2025-03-12T10:00:00Z" }, associations: [{ ...assoc[0], to: { id: "1" } }] },
      { properties: { hs_timestamp: "2025-03-12T10:00:00Z" }, associations: [{ ...assoc[0], types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 16 }] }] },
    ];
    for (const body of cases) expect((await post("/crm/v3/objects/notes", body)).status).toBe(400);
    expect((await post("/crm/v3/objects/notes", { properties: { hs_timestamp: "2025-03-12T10:00:00Z", hs_note_body: "x".repeat(65_536) }, associations: assoc })).status).toBe(201);
  });
});

describe("user provisioning", () => {
  it("lists roles, provisions a user who becomes an owner, and refuses a duplicate", async () => {
    const roles = await sim.client.settings.users.rolesApi.getAll();
    const agentRole = roles.results.find((r) => r.name === "Support agent")!;
    const user = await sim.client.settings.users.usersApi.create({ email: "new.hire@flowforge.com", firstName: "New", lastName: "Hire", roleId: agentRole.id, sendWelcomeEmail: true });
    expect(user).toMatchObject({ email: "new.hire@flowforge.com", roleIds: [agentRole.id], superAdmin: false });
    const listed = await sim.client.settings.users.usersApi.getPage();
    expect(listed.results.map((u) => u.email)).toContain("new.hire@flowforge.com");
    expect((await sim.control.provisionedUsers()).map((u) => u.email)).toEqual(["new.hire@flowforge.com"]);
    const owners = await sim.client.crm.owners.ownersApi.getPage("new.hire@flowforge.com");
    expect(owners.results[0]?.userId).toBe(Number(user.id));

    const dup = await sim.client.settings.users.usersApi.create({ email: "new.hire@flowforge.com", sendWelcomeEmail: false }).catch(apiError);
    expect(dup).toMatchObject({ code: 409 });
    const badRole = await sim.client.settings.users.usersApi.create({ email: "other@flowforge.com", roleId: "1", sendWelcomeEmail: false }).catch(apiError);
    expect(badRole).toMatchObject({ code: 400 });
  });
});
