import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { interactionSchema } from "@/lib/integrations/slack/schema";
import { CHANNEL, startSlackTestBed, type SlackTestBed } from "@/test/slack";
import { handleInteraction } from "./interactions";

// Answering a chat customer from Slack, through the simulator's message shortcut and modal and the
// app's interactivity route: only the explicit action sends, exactly once, and the thread is told.

const PRIYA = "U0FF01PRIY";
const TOM = "U0FF02TOM";
const DOCS = "https://flowfuse.com/docs/user/instance-settings/";

describe("replying to a chat customer from Slack", () => {
  let bed: SlackTestBed;
  let ticketId: string;
  let threadTs: string;

  async function postTicket(channel: "CHAT" | "EMAIL"): Promise<{ ticketId: string; threadTs: string }> {
    const ticket = await bed.hubspotControl.createTicket({ subject: `Help from the ${channel.toLowerCase()}`, channel, contact: { email: `jane.${channel.toLowerCase()}@acme.example`, firstname: "Jane", lastname: "Doe" } });
    await bed.pull([ticket.id]);
    await bed.syncSlack();
    const root = (await bed.control.readChannel(CHANNEL)).messages.find((message) => message.text.includes(ticket.id))!;
    return { ticketId: ticket.id, threadTs: root.ts };
  }

  async function settle(): Promise<void> {
    await bed.control.flushEvents();
    await bed.applyEvents();
    await bed.deliverWrites();
  }

  beforeEach(async () => {
    bed = await startSlackTestBed();
    ({ ticketId, threadTs } = await postTicket("CHAT"));
  });
  afterEach(async () => bed?.stop());

  it("sends one message to the customer through the shortcut's modal, confirms it in the thread, and a plain comment stays a note", async () => {
    const { message: draft } = await bed.control.postReply(CHANNEL, threadTs, PRIYA, `Hi Jane, a restart should fix it: ${DOCS}`);
    const opened = await bed.control.messageShortcut({ callbackId: "reply_to_customer", user: PRIYA, channel: CHANNEL, messageTs: draft.ts });
    expect(opened.status).toBe(200);
    const [view] = await bed.control.views();
    expect(view).toBeDefined();
    const modal = JSON.stringify(view!.view);
    expect(modal).toContain("Reply to customer");
    expect(modal).toContain("Send to customer");
    expect(modal).toContain("*Jane Doe* by live chat");
    expect(modal).toContain("from *Priya Raman*");
    expect(modal).toContain(`"initial_value":"Hi Jane, a restart should fix it: ${DOCS}"`);

    const text = `Hi Jane, a restart fixes this: ${DOCS}`;
    const submitted = await bed.control.submitView(view!.id, { values: { reply: { text } } });
    expect(submitted.status).toBe(200);
    expect((await bed.control.views())[0]!.state).toBe("submitted");

    // Slack sending the same submission again (a timeout, a double click) sends nothing more.
    const { results } = await bed.control.interactions();
    const again = interactionSchema.parse(results.find((record) => record.type === "view_submission")!.payload);
    expect(await handleInteraction(bed.deps, again)).toBeNull();

    await bed.control.postReply(CHANNEL, threadTs, TOM, "Internal: they are still on an old stack version");
    await settle();

    const sent = await bed.hubspotControl.messages({ ticketId });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ direction: "OUTGOING", text, channelId: "1000" });
    expect(sent[0]!.senders[0]!.actorId).toBe("A-61234001");
    // The draft and Tom's comment are internal notes; neither reached the customer.
    const notes = (await bed.hubspotControl.notes(ticketId)).map((note) => note.properties.hs_note_body);
    expect(notes).toEqual(
      expect.arrayContaining([expect.stringContaining("From Slack — Priya Raman: Hi Jane"), expect.stringContaining("From Slack — Tom Hughes: Internal")]),
    );
    expect(notes).toHaveLength(2);

    const replies = (await bed.control.readChannel(CHANNEL)).messages.find((message) => message.ts === threadTs)!.replies;
    const confirmation = replies.filter((reply) => reply.bot_id && reply.text.startsWith("Sent to Jane Doe"));
    expect(confirmation).toHaveLength(1);
    expect(confirmation[0]!.text).toContain("by Priya Raman: Hi Jane, a restart fixes this");
    await bed.deliverWrites();
    await bed.syncSlack();
    expect((await bed.control.posted()).filter((message) => message.text.startsWith("Sent to"))).toHaveLength(1);
  });

  it("asks for a documentation link, or the author's word that none applies", async () => {
    const root = (await bed.control.readChannel(CHANNEL)).messages[0]!;
    await bed.control.messageShortcut({ callbackId: "reply_to_customer", user: PRIYA, channel: CHANNEL, messageTs: root.ts });
    const [view] = await bed.control.views();
    expect(JSON.stringify(view!.view)).not.toContain("initial_value");

    const refused = await bed.control.submitView(view!.id, { values: { reply: { text: "Restart it please." } } });
    expect(refused.response).toMatchObject({ response_action: "errors", errors: { reply: expect.stringContaining("no link to FlowForge documentation") } });
    expect((await bed.control.views())[0]!.state).toBe("open");
    expect(await bed.hubspot.db.hubSpotWrite.count()).toBe(0);

    const accepted = await bed.control.submitView(view!.id, { values: { reply: { text: "Restart it please." }, docs: { without_docs: ["yes"] } } });
    expect(accepted.status).toBe(200);
    await settle();
    expect(await bed.hubspotControl.messages({ ticketId })).toEqual([expect.objectContaining({ text: "Restart it please." })]);
  });

  it("refuses tickets that did not come from the chat, messages outside a ticket's thread, and people outside the team", async () => {
    const email = await postTicket("EMAIL");
    await bed.control.messageShortcut({ callbackId: "reply_to_customer", user: PRIYA, channel: CHANNEL, messageTs: email.threadTs });
    const { message: loose } = await bed.control.postMessage({ channel: CHANNEL, user: PRIYA, text: "Anyone free for a chat ticket?" });
    await bed.control.messageShortcut({ callbackId: "reply_to_customer", user: PRIYA, channel: CHANNEL, messageTs: loose.ts });
    await bed.control.messageShortcut({ callbackId: "reply_to_customer", user: "U0GUEST001", channel: CHANNEL, messageTs: threadTs });

    expect(await bed.control.views()).toEqual([]);
    const told = (await bed.control.ephemeral({ channel: CHANNEL })).map((message) => [message.user, message.text]);
    expect(told).toEqual([
      [PRIYA, expect.stringContaining(`Ticket #${email.ticketId} did not come from the chat widget`)],
      [PRIYA, expect.stringContaining("not in a ticket's thread")],
      ["U0GUEST001", expect.stringContaining("Only team members can reply to customers")],
    ]);
    await settle();
    expect(await bed.hubspotControl.messages({ ticketId: email.ticketId })).toEqual([]);
    expect(await bed.hubspotControl.messages({ ticketId })).toEqual([]);
  });
});
