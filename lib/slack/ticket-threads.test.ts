import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL, startSlackTestBed, type SlackTestBed } from "@/test/slack";
import { postOnce } from "./post-once";

// Tickets into #support-tickets against both simulators and a real Postgres: what HubSpot says
// becomes one message per ticket and one thread reply per customer message, edited when the ticket
// changes, in order and exactly once even when Slack rate-limits or an answer is lost.

const CUSTOMER = { email: "jane@acme.example", firstname: "Jane", lastname: "Doe" };

describe("tickets in #support-tickets", () => {
  let bed: SlackTestBed;
  afterEach(async () => bed?.stop());

  describe("with Slack's limits off", () => {
    beforeEach(async () => {
      bed = await startSlackTestBed();
    });

    it("posts a new ticket once, then the customer's reply in its thread, and not the history", async () => {
      const ticket = await bed.hubspotControl.createTicket({ subject: "Cannot deploy my instance", content: "Deploys fail with error 500 since this morning.", channel: "CHAT", contact: CUSTOMER });
      await bed.pull([ticket.id]);
      await bed.syncSlack();

      let channel = await bed.control.readChannel(CHANNEL);
      expect(channel.messages).toHaveLength(1);
      const root = channel.messages[0]!;
      const shown = JSON.stringify(root.blocks);
      expect(root.text).toBe(`Ticket #${ticket.id}: Cannot deploy my instance`);
      for (const expected of [
        "Cannot deploy my instance",
        "Deploys fail with error 500 since this morning.",
        "Jane Doe",
        "*Tier*",
        "*Status*\\nNew",
        "*Owner*\\nUnassigned",
        "*First response*\\nDue ",
        "UK time",
        "Live chat",
        `http://support-desk.test/tickets/${ticket.id}|Open in Support Desk`,
        `https://app.hubspot.com/contacts/24681357/record/0-5/${ticket.id}|Open in HubSpot`,
        "Reply to customer",
      ]) {
        expect(shown).toContain(expected);
      }
      expect(root.replies).toEqual([]);
      const parent = await bed.hubspot.db.slackMessage.findUniqueOrThrow({ where: { key: `ticket:${ticket.id}` } });
      expect(parent.permalink).toBe(root.permalink);

      await bed.hubspotControl.customerMessage(ticket.id, "Any update? <!channel> it is still failing");
      await bed.pull([ticket.id]);
      await bed.syncSlack();
      await bed.syncSlack();

      channel = await bed.control.readChannel(CHANNEL);
      expect(channel.messages).toHaveLength(1);
      expect(channel.messages[0]!.replies).toHaveLength(1);
      const reply = channel.messages[0]!.replies[0]!;
      expect(reply.text).toContain("Any update?");
      expect(JSON.stringify(reply.blocks)).toContain("Jane Doe");
      // The customer's text cannot mention the channel.
      expect(JSON.stringify(reply.blocks)).toContain("&lt;!channel&gt;");
      expect(channel.orphanReplies).toEqual([]);
      // Posted exactly twice in all: the history stayed out.
      expect(await bed.control.posted()).toHaveLength(2);
    });

    it("edits the ticket's message when its status or owner changes, and only then", async () => {
      const ticket = await bed.hubspotControl.createTicket({ subject: "Billing question", channel: "EMAIL", contact: CUSTOMER });
      await bed.pull([ticket.id]);
      await bed.syncSlack();
      await bed.syncSlack();
      expect(await bed.control.calls("chat.update")).toHaveLength(0);

      await bed.hubspotControl.updateTicket(ticket.id, { hubspot_owner_id: "412345001", hs_pipeline_stage: "4" });
      await bed.pull([ticket.id]);
      await bed.syncSlack();
      await bed.syncSlack();

      expect(await bed.control.calls("chat.update")).toHaveLength(1);
      const [root] = (await bed.control.readChannel(CHANNEL)).messages;
      expect(JSON.stringify(root!.blocks)).toContain("*Owner*\\nPriya Raman");
      expect(JSON.stringify(root!.blocks)).toContain("*Status*\\nClosed (closed)");
      expect(await bed.control.posted()).toHaveLength(1);
    });

    it("does not post twice when an attempt reached Slack but its answer was lost", async () => {
      const request = { key: "test:lost-answer", kind: "ALERT" as const, channelId: CHANNEL, content: { text: "Only once" } };
      const first = await postOnce(bed.deps, request);
      // As if the worker died between Slack's answer and storing it: the ts was never recorded.
      await bed.hubspot.db.slackMessage.update({ where: { id: first.id }, data: { ts: null, postedAt: null, lockedUntil: null } });

      const again = await postOnce(bed.deps, request);
      expect(again.ts).toBe(first.ts);
      expect((await bed.control.posted()).filter((message) => message.text === "Only once")).toHaveLength(1);
      expect(await postOnce(bed.deps, request)).toMatchObject({ ts: first.ts });
    });
  });

  describe("under Slack's rate limits", () => {
    beforeEach(async () => {
      // Slack's per-channel bucket (a burst, then a steady pace), made faster than Slack's one message
      // a second so that thirty threads take seconds, not a minute.
      bed = await startSlackTestBed({ slack: { rateLimit: { postMessageBurst: 5, postMessagePerSecond: 20, tiers: true } } });
    });

    it("posts all of 30 tickets and their replies through a 10 s rate limit, each thread in order", async () => {
      const tickets = [];
      for (let i = 1; i <= 30; i += 1) {
        const ticket = await bed.hubspotControl.createTicket({ subject: `Ticket number ${i}`, channel: "EMAIL", contact: { ...CUSTOMER, email: `customer${i}@acme.example` } });
        await bed.hubspotControl.customerMessage(ticket.id, `Follow-up to ticket ${i}`);
        tickets.push(ticket);
      }
      await bed.pull(tickets.map((ticket) => ticket.id));
      await bed.control.setFaults({ rateLimit: { seconds: 10, methods: ["chat.postMessage"] } });

      const started = Date.now();
      await bed.syncSlack();
      expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
      expect(bed.deps.slack.rateLimited).toBeGreaterThan(0);

      const channel = await bed.control.readChannel(CHANNEL);
      expect(channel.messages.map((message) => message.text)).toEqual(tickets.map((ticket, i) => `Ticket #${ticket.id}: Ticket number ${i + 1}`));
      for (const [i, root] of channel.messages.entries()) {
        expect(root.replies.map((reply) => reply.text)).toEqual([expect.stringContaining(`Follow-up to ticket ${i + 1}`)]);
        expect(Number(root.replies[0]!.ts)).toBeGreaterThan(Number(root.ts));
      }
      expect(channel.orphanReplies).toEqual([]);
      expect(await bed.control.posted()).toHaveLength(60);
      const failed = (await bed.control.calls("chat.postMessage")).filter((call) => call.status === 429);
      expect(failed.length).toBeGreaterThan(0);
    }, 120_000);
  });
});
