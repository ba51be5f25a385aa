import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HubSpotControlClient } from "@/fakes/hubspot/control-client";
import type { HubSpotWriteKind } from "@/lib/generated/prisma/client";
import { ownerRow, pipelineRows, ticketRow } from "@/lib/integrations/hubspot/mappers";
import { TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import { NOTE_TO_TICKET } from "@/lib/integrations/hubspot/writes";
import type { WritePayload } from "@/lib/outbox/payload";
import { replaceOwners, replacePipelines, upsertTickets } from "@/lib/sync/store";
import { syncTicketThread } from "@/lib/sync/threads";
import { replyRoute } from "@/lib/tickets/reply-context";
import { startSyncHarness, virtualClock, type SyncHarness } from "@/test/hubspot";
import { deliverWrite, MAX_ATTEMPTS, RetryLater, type OutboxDeps } from "./deliver";

// The worker's delivery code against the in-process HubSpot simulator: whatever fails, each
// intent ends up in HubSpot once. The queue's part (running the job again after RetryLater) is
// played by `deliverUntilSettled`.

const clock = virtualClock(Date.parse("2026-11-24T10:00:00Z"));
let harness: SyncHarness;
let control: HubSpotControlClient;
let deps: OutboxDeps;
let ownerIds: string[];

beforeAll(async () => {
  harness = await startSyncHarness({ dataset: { tickets: 5 }, clock });
  control = new HubSpotControlClient(harness.fake.url);
  deps = { ...harness.deps, clock };
  await replacePipelines(harness.db, pipelineRows(await deps.hubspot.pipelines()));
  await replaceOwners(harness.db, (await deps.hubspot.owners()).results.map(ownerRow));
  ownerIds = (await harness.db.owner.findMany({ orderBy: { id: "asc" } })).map((owner) => owner.id);
});
afterAll(() => harness?.stop());
beforeEach(() => harness.fake.faults.clear());

/** A customer's email ticket, synced with its thread, as the ticket page would have it. */
async function customerTicket(subject: string) {
  const created = await control.createTicket({
    subject,
    content: "Our instance will not start since this morning.",
    channel: "EMAIL",
    contact: { email: `${randomUUID().slice(0, 8)}@acme.example`, firstname: "Jane", lastname: "Doe" },
    properties: { hubspot_owner_id: ownerIds[0]! },
  });
  const { results } = await deps.hubspot.batchRead("tickets", [created.id], [...TICKET_PROPERTIES]);
  await upsertTickets(harness.db, results.map(ticketRow));
  await syncTicketThread(deps, created.id);
  const { threadId } = await harness.db.ticket.findUniqueOrThrow({ where: { id: created.id } });
  // Time passes between reading a ticket and acting on it (HubSpot dates changes to the millisecond).
  clock.advance(1000);
  return { id: created.id, threadId: threadId! };
}

async function storeIntent(ticketId: string, intent: WritePayload) {
  return harness.db.hubSpotWrite.create({
    data: { kind: intent.kind as HubSpotWriteKind, ticketId, payload: intent.payload, idempotencyKey: randomUUID(), authorName: "Ada Admin" },
  });
}

async function replyIntent(ticketId: string, text: string): Promise<WritePayload> {
  const route = await replyRoute(harness.db, ticketId, { email: "ada@flowforge.com" });
  if (!route.available) throw new Error(route.reason);
  const { threadId, channelId, channelAccountId, sender, recipient } = route;
  return { kind: "REPLY", payload: { text, threadId, channelId, channelAccountId, sender, recipient, docsLinks: [] } };
}

/** Faults injected since `before` (the simulator counts them over its lifetime). */
function injectedSince(before: { statusResponses: number; droppedWrites: number }) {
  const now = harness.fake.faults.describe().injected;
  return { statusResponses: now.statusResponses - before.statusResponses, droppedWrites: now.droppedWrites - before.droppedWrites };
}

/** Runs the job as the queue would: again after each RetryLater, until the intent settles. */
async function deliverUntilSettled(writeId: string, between?: (attempt: number) => void | Promise<void>) {
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      return await deliverWrite(deps, writeId);
    } catch (error) {
      if (!(error instanceof RetryLater)) throw error;
      await between?.(attempt);
    }
  }
  throw new Error("did not settle");
}

describe("outbox delivery", () => {
  it("a note after a 500 and then a dropped connection: exactly one note on the ticket", async () => {
    const ticket = await customerTicket("Instance will not start");
    const write = await storeIntent(ticket.id, { kind: "NOTE", payload: { text: "Checked the logs: OOM on start.", ownerId: ownerIds[0]! } });

    const before = harness.fake.faults.describe().injected;
    harness.fake.faults.set({ status: { code: 500, seconds: 3600, pathPrefix: "/crm/v3/objects/notes" } });
    const outcome = await deliverUntilSettled(write.id, (attempt) => {
      if (attempt === 1) {
        harness.fake.faults.clear();
        harness.fake.faults.set({ dropAfterCommit: { count: 1, pathPrefix: "/crm/v3/objects/notes" } });
      }
    });

    expect(outcome).toBe("found");
    // The write itself was never repeated blindly: one 500, one dropped commit, then a look.
    expect(injectedSince(before)).toEqual({ statusResponses: 1, droppedWrites: 1 });
    const notes = await control.notes(ticket.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.associations.tickets).toEqual([{ id: ticket.id, typeIds: [NOTE_TO_TICKET] }]);
    expect(notes[0]!.properties.hs_note_body).toContain("Checked the logs: OOM on start.");
    // Internal: nothing reached the customer.
    expect(await control.messages({ ticketId: ticket.id })).toHaveLength(0);

    const stored = await harness.db.hubSpotWrite.findUniqueOrThrow({ where: { id: write.id } });
    expect(stored).toMatchObject({ status: "SENT", hubspotId: notes[0]!.id, attempts: 3, lastError: null });
    expect(await harness.db.ticketNote.count({ where: { ticketId: ticket.id, id: notes[0]!.id } })).toBe(1);
  });

  it("a reply after a 500 and then a dropped connection: exactly one message on the thread", async () => {
    const ticket = await customerTicket("Cannot log in");
    const write = await storeIntent(ticket.id, await replyIntent(ticket.id, "Please reset your password at https://flowfuse.com/docs/cloud/introduction/"));

    const prefix = `/conversations/v3/conversations/threads/${ticket.threadId}/messages`;
    const before = harness.fake.faults.describe().injected;
    harness.fake.faults.set({ status: { code: 500, seconds: 3600, pathPrefix: prefix } });
    const outcome = await deliverUntilSettled(write.id, (attempt) => {
      if (attempt === 1) {
        harness.fake.faults.clear();
        harness.fake.faults.set({ dropAfterCommit: { count: 1, pathPrefix: prefix } });
      }
    });

    expect(outcome).toBe("found");
    expect(injectedSince(before)).toEqual({ statusResponses: 1, droppedWrites: 1 });
    const sent = await control.messages({ ticketId: ticket.id });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ direction: "OUTGOING", type: "MESSAGE", channelId: "1002" });
    expect(sent[0]!.recipients[0]!.deliveryIdentifier.value).toMatch(/@acme\.example$/);
    expect(await control.notes(ticket.id)).toHaveLength(0);

    // The reply is in Postgres, so the first response counts before the sync comes round.
    const stored = await harness.db.hubSpotWrite.findUniqueOrThrow({ where: { id: write.id } });
    expect(stored.status).toBe("SENT");
    expect(await harness.db.conversationMessage.findUnique({ where: { id: sent[0]!.id } })).toMatchObject({ direction: "OUTGOING" });
    const refreshed = await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(refreshed.firstAgentMessageAt).not.toBeNull();
  });

  it("rides out a 429 without a second write", async () => {
    const ticket = await customerTicket("Rate limited note");
    const write = await storeIntent(ticket.id, { kind: "NOTE", payload: { text: "429 first", ownerId: null } });
    harness.fake.faults.set({ status: { code: 429, seconds: 2, pathPrefix: "/crm/v3/objects/notes" } });
    expect(await deliverUntilSettled(write.id)).toBe("sent");
    expect(await control.notes(ticket.id)).toHaveLength(1);
  });

  it("sends the same text twice when two replies say it, even when the second had to look", async () => {
    const ticket = await customerTicket("Thanks twice");
    const first = await storeIntent(ticket.id, await replyIntent(ticket.id, "Thanks, looking into it."));
    expect(await deliverUntilSettled(first.id)).toBe("sent");

    const second = await storeIntent(ticket.id, await replyIntent(ticket.id, "Thanks, looking into it."));
    const prefix = `/conversations/v3/conversations/threads/${ticket.threadId}/messages`;
    harness.fake.faults.set({ status: { code: 503, seconds: 3600, pathPrefix: prefix } });
    expect(await deliverUntilSettled(second.id, () => harness.fake.faults.clear())).toBe("sent");
    expect(await control.messages({ ticketId: ticket.id })).toHaveLength(2);
  });

  it("fails for good on a refusal, with the reason, and a later round finds what an earlier one sent", async () => {
    const ticket = await customerTicket("Refused");
    const write = await storeIntent(ticket.id, { kind: "NOTE", payload: { text: "Will be refused", ownerId: null } });
    harness.fake.faults.set({ status: { code: 403, seconds: 3600, pathPrefix: "/crm/v3/objects/notes" } });
    expect(await deliverWrite(deps, write.id)).toBe("failed");
    const failed = await harness.db.hubSpotWrite.findUniqueOrThrow({ where: { id: write.id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/permission/);

    // Gives up after MAX_ATTEMPTS unknown outcomes; the first of them did land.
    const lost = await storeIntent(ticket.id, { kind: "NOTE", payload: { text: "Landed, but nobody heard", ownerId: null } });
    harness.fake.faults.clear();
    harness.fake.faults.set({ dropAfterCommit: { count: 1, pathPrefix: "/crm/v3/objects/notes" } });
    await expect(deliverWrite(deps, lost.id)).rejects.toBeInstanceOf(RetryLater);
    harness.fake.faults.set({ status: { code: 502, seconds: 3600, pathPrefix: "/crm/v4/objects/tickets" } });
    expect(await deliverUntilSettled(lost.id)).toBe("failed");
    expect((await harness.db.hubSpotWrite.findUniqueOrThrow({ where: { id: lost.id } })).attempts).toBe(MAX_ATTEMPTS);

    // A person retries: a new round, which looks first and finds the note.
    harness.fake.faults.clear();
    await harness.db.hubSpotWrite.update({ where: { id: lost.id }, data: { status: "PENDING", attempts: 0 } });
    expect(await deliverUntilSettled(lost.id)).toBe("found");
    expect((await control.notes(ticket.id)).filter((note) => note.properties.hs_note_body?.includes("Landed"))).toHaveLength(1);
  });

  it("never sends one intent twice from two workers at once", async () => {
    const ticket = await customerTicket("Two workers");
    const write = await storeIntent(ticket.id, { kind: "NOTE", payload: { text: "Only once", ownerId: null } });
    const outcomes = await Promise.allSettled([deliverWrite(deps, write.id), deliverWrite(deps, write.id)]);
    const results = outcomes.map((o) => (o.status === "fulfilled" ? o.value : (o.reason as Error).name));
    expect(results).toContain("sent");
    // The other one found it claimed (and would come back later) or already sent.
    expect(results.filter((r) => r !== "sent")).toEqual([expect.stringMatching(/^(RetryLater|skipped)$/)]);
    expect(await control.notes(ticket.id)).toHaveLength(1);
  });

  it("changes status and owner once, and does not overwrite a newer change made in HubSpot", async () => {
    const ticket = await customerTicket("Change me");
    const stored = await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    const update = await storeIntent(ticket.id, {
      kind: "TICKET_UPDATE",
      payload: {
        changes: [
          { property: "hs_pipeline_stage", from: stored.stageId, to: "3" },
          { property: "hubspot_owner_id", from: stored.ownerId, to: ownerIds[1]! },
        ],
        overwrite: false,
      },
    });
    harness.fake.faults.set({ dropAfterCommit: { count: 1, pathPrefix: "/crm/v3/objects/tickets" } });
    expect(await deliverUntilSettled(update.id)).toBe("found");
    expect(await control.ticketUpdates(ticket.id)).toHaveLength(1);
    expect((await control.getTicket(ticket.id)).properties).toMatchObject({ hs_pipeline_stage: "3", hubspot_owner_id: ownerIds[1]! });
    expect(await harness.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ stageId: "3", ownerId: ownerIds[1]! });

    // Someone closes the ticket in HubSpot while a change made on an older view waits.
    const stale = await storeIntent(ticket.id, {
      kind: "TICKET_UPDATE",
      payload: { changes: [{ property: "hs_pipeline_stage", from: "3", to: "2" }], overwrite: false },
    });
    await control.updateTicket(ticket.id, { hs_pipeline_stage: "4" });
    expect(await deliverWrite(deps, stale.id)).toBe("failed");
    const refused = await harness.db.hubSpotWrite.findUniqueOrThrow({ where: { id: stale.id } });
    expect(refused.lastError).toMatch(/Changed in HubSpot meanwhile: the status is now "Closed"/);
    expect((await control.getTicket(ticket.id)).properties.hs_pipeline_stage).toBe("4");
  });
});
