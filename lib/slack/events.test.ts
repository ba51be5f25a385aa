import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL, startSlackTestBed, type SlackTestBed } from "@/test/slack";

// Slack's events through the real route handler: the simulator signs them, delivers them (and
// again, as Slack retries), and the worker's code turns thread comments into notes through the
// outbox, delivered to the HubSpot simulator.

const PRIYA = "U0FF01PRIY";
const GUEST = "U0GUEST001";

describe("Slack thread comments become HubSpot notes", () => {
  let bed: SlackTestBed;
  let ticketId: string;
  let threadTs: string;

  beforeEach(async () => {
    bed = await startSlackTestBed();
    const ticket = await bed.hubspotControl.createTicket({ subject: "Node-RED flows lost", channel: "EMAIL", contact: { email: "ann@corp.example" } });
    ticketId = ticket.id;
    await bed.pull([ticketId]);
    await bed.syncSlack();
    threadTs = (await bed.control.readChannel(CHANNEL)).messages[0]!.ts;
    await bed.control.flushEvents();
    await bed.applyEvents();
  });
  afterEach(async () => bed?.stop());

  async function notesInHubSpot(): Promise<string[]> {
    return (await bed.hubspotControl.notes(ticketId)).map((note) => note.properties.hs_note_body ?? "");
  }

  it("makes exactly one note, attributed to the author, even when Slack delivers the event 3 times", async () => {
    const { event } = await bed.control.postReply(CHANNEL, threadTs, PRIYA, "Reproduced it on <https://flowfuse.com/docs/|the docs> steps, cc <@U0FF02TOM>", { times: 3, concurrent: true });
    await bed.control.flushEvents();
    const deliveries = (await bed.control.events()).deliveries.filter((delivery) => delivery.eventId === event!.eventId);
    expect(deliveries.map((delivery) => [delivery.retryNum, delivery.status])).toEqual(expect.arrayContaining([[0, 200], [1, 200], [2, 200]]));
    expect(await bed.hubspot.db.webhookEvent.count({ where: { source: "SLACK", eventId: event!.eventId } })).toBe(1);

    await bed.applyEvents();
    await bed.applyEvents();
    expect(await bed.deliverWrites()).toBe(1);

    const notes = await notesInHubSpot();
    expect(notes).toHaveLength(1);
    // Slack's tokens read as text: the link with its label, the mention by name.
    expect(notes[0]).toContain("From Slack — Priya Raman: Reproduced it on the docs (");
    expect(notes[0]).toContain('href="https://flowfuse.com/docs/"');
    expect(notes[0]).toContain(") steps, cc @Tom Hughes");
    const [note] = await bed.hubspotControl.notes(ticketId);
    expect(note!.properties.hubspot_owner_id).toBe("412345001");
    // An internal note only: nothing went to the customer.
    expect(await bed.hubspotControl.messages({ ticketId })).toEqual([]);

    // The same message seen again under another event id (a replayed event) still makes no second note.
    await bed.control.sendEvent({ type: "message", channel: CHANNEL, user: PRIYA, text: "Reproduced it", ts: (await bed.control.readChannel(CHANNEL)).messages[0]!.replies[0]!.ts, thread_ts: threadTs });
    await bed.control.flushEvents();
    await bed.applyEvents();
    expect(await bed.deliverWrites()).toBe(0);
    expect(await notesInHubSpot()).toHaveLength(1);
  });

  it("treats a reply also sent to the channel as a comment", async () => {
    await bed.control.postMessage({ channel: CHANNEL, threadTs, user: "marta@flowforge.com", text: "Looking at it now", broadcast: true });
    await bed.control.flushEvents();
    await bed.applyEvents();
    await bed.deliverWrites();
    expect(await notesInHubSpot()).toEqual([expect.stringContaining("From Slack — Marta Kowalska: Looking at it now")]);
  });

  it("adds nothing for bot messages, the app's own messages, edits, deletions, other threads and guests", async () => {
    const { message } = await bed.control.postReply(CHANNEL, threadTs, PRIYA, "First version");
    await bed.control.flushEvents();
    await bed.applyEvents();
    await bed.deliverWrites();
    expect(await notesInHubSpot()).toHaveLength(1);

    await bed.control.postMessage({ channel: CHANNEL, bot: "other", username: "GitHub", text: "Issue closed", threadTs });
    await bed.deps.slack.postMessage({ channel: CHANNEL, threadTs, content: { text: "The app talking in the thread" } });
    await bed.control.editMessage(CHANNEL, message.ts, { text: "Second version" });
    await bed.control.deleteMessage(CHANNEL, message.ts);
    await bed.control.postMessage({ channel: CHANNEL, user: PRIYA, text: "Good morning all" });
    await bed.control.postReply(CHANNEL, threadTs, GUEST, "Partner here: we see this too");
    await bed.control.flushEvents();

    const stored = await bed.hubspot.db.webhookEvent.findMany({ where: { source: "SLACK", processedAt: null } });
    expect(stored.map((event) => event.type).sort()).toEqual(["message", "message", "message", "message.bot_message", "message.message_changed", "message.message_deleted"]);
    await bed.applyEvents();
    expect(await bed.deliverWrites()).toBe(0);
    expect(await notesInHubSpot()).toHaveLength(1);
    const reasons = (await bed.hubspot.db.webhookEvent.findMany({ where: { source: "SLACK", id: { in: stored.map((event) => event.id) } } })).map((event) => event.error);
    expect(reasons.sort()).toEqual([
      "ignored: Sam Guest is a guest in Slack",
      "ignored: a bot's message",
      "ignored: a bot's message",
      "ignored: message_changed",
      "ignored: message_deleted",
      "ignored: not a reply in a thread",
    ]);
  });

  it("refuses a bad, stale or missing signature with 401 and stores nothing", async () => {
    const before = await bed.hubspot.db.webhookEvent.count();
    for (const tamper of ["bad_signature", "stale_timestamp", "unsigned"] as const) {
      await bed.control.postReply(CHANNEL, threadTs, PRIYA, `Tampered: ${tamper}`, { tamper });
    }
    await bed.control.flushEvents();
    const deliveries = (await bed.control.events()).deliveries.filter((delivery) => delivery.tamper);
    // Each refused, retried by Slack, and refused again.
    expect(deliveries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(deliveries.map((delivery) => delivery.status))).toEqual(new Set([401]));
    expect(await bed.hubspot.db.webhookEvent.count()).toBe(before);
    await bed.applyEvents();
    expect(await bed.deliverWrites()).toBe(0);
  });

  it("answers Slack's url_verification challenge", async () => {
    expect(await bed.control.verifyEventsUrl()).toMatchObject({ ok: true, status: 200 });
  });
});
