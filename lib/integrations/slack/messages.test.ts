import { describe, expect, it } from "vitest";
import { alertMessage, contentHash, customerMessage, replyModal, slaText, ticketMessage, ukTime, type TicketSummary } from "./messages";

const ticket: TicketSummary = {
  id: "4200000123",
  subject: "Cannot deploy <!channel>",
  excerpt: "Deploys fail & stop.",
  sourceType: "CHAT",
  priority: "HIGH",
  status: { label: "New", open: true },
  owner: "Priya Raman",
  customer: { name: "Jane Doe", email: "jane@acme.example", company: "Acme" },
  tier: "MANAGED",
  sla: { state: "running", dueAt: new Date("2026-03-02T13:00:00Z"), respondedAt: null },
  links: { dashboard: "https://desk.example/tickets/4200000123", hubspot: "https://app.hubspot.com/contacts/1/record/0-5/4200000123" },
};

describe("Slack messages", () => {
  it("shows a ticket with its tier, status, owner, SLA due time and links, escaping HubSpot's text", () => {
    const content = ticketMessage(ticket);
    const shown = JSON.stringify(content.blocks);
    expect(content.text).toBe("Ticket #4200000123: Cannot deploy <!channel>");
    expect(content.blocks![0]).toEqual({ type: "header", text: { type: "plain_text", text: "#4200000123 Cannot deploy <!channel>" } });
    expect(shown).toContain("Deploys fail &amp; stop.");
    expect(shown).toContain("Jane Doe (Acme)");
    expect(shown).toContain("Managed (FlowForge Cloud)");
    expect(shown).toContain("*Owner*\\nPriya Raman");
    expect(shown).toContain("*First response*\\nDue Mon 2 Mar, 13:00 UK time");
    expect(shown).toContain("Live chat, high priority");
    expect(shown).toContain("<https://desk.example/tickets/4200000123|Open in Support Desk>");
    expect(shown).toContain("|Open in HubSpot>");
    expect(shown).toContain("Reply to customer");
    expect(JSON.stringify(ticketMessage({ ...ticket, sourceType: "EMAIL" }).blocks)).not.toContain("Reply to customer");
  });

  it("changes its hash when what it shows changes, not otherwise", () => {
    const hash = contentHash(ticketMessage(ticket));
    expect(contentHash(ticketMessage({ ...ticket }))).toBe(hash);
    expect(contentHash(ticketMessage({ ...ticket, owner: "Tom Hughes" }))).not.toBe(hash);
    expect(contentHash(ticketMessage({ ...ticket, sla: { ...ticket.sla, state: "breached" } }))).not.toBe(hash);
    // Running and paused read the same: no edit every evening and morning.
    expect(contentHash(ticketMessage({ ...ticket, sla: { ...ticket.sla, state: "paused" } }))).toBe(hash);
  });

  it("words each SLA state", () => {
    const dueAt = new Date("2026-03-02T13:00:00Z");
    expect(slaText({ state: "due_soon", dueAt, respondedAt: null })).toBe("*Due soon*: Mon 2 Mar, 13:00 UK time");
    expect(slaText({ state: "breached", dueAt, respondedAt: null })).toBe("*Breached* (was due Mon 2 Mar, 13:00 UK time)");
    expect(slaText({ state: "met", dueAt, respondedAt: new Date("2026-03-02T10:15:00Z") })).toBe("Met (answered Mon 2 Mar, 10:15 UK time)");
    expect(slaText({ state: "not_applicable", dueAt: null, respondedAt: null })).toBe("No SLA");
    // British Summer Time.
    expect(ukTime(new Date("2026-07-01T08:00:00Z"))).toBe("Wed 1 Jul, 09:00 UK time");
  });

  it("quotes a customer's message in full up to Slack's limit, escaped", () => {
    const short = customerMessage({ from: "Jane Doe", text: "Any <news>?", sentAt: new Date("2026-03-02T10:00:00Z"), viaChat: true }, ticket);
    expect(JSON.stringify(short.blocks)).toContain("*Jane Doe* in the chat:\\nAny &lt;news&gt;?");
    const long = customerMessage({ from: null, text: "word ".repeat(1000), sentAt: new Date(), viaChat: false }, ticket);
    expect(JSON.stringify(long.blocks)).toContain("Read all of it in Support Desk");
    expect(JSON.stringify(long.blocks)).toContain("*The customer* wrote:");
  });

  it("words alerts, mentioning the owner and saying when one waited for business hours", () => {
    const alert = alertMessage({
      kind: "STALE",
      ticket,
      owner: "<@U0FF01PRIY>",
      dueAt: null,
      lastUpdatedAt: new Date("2026-03-06T13:45:00Z"),
      threadLink: "https://slack.example/archives/C1/p1",
      detectedOutOfHours: new Date("2026-03-07T14:00:00Z"),
    });
    expect(alert.text).toBe("Stale ticket #4200000123 Cannot deploy <!channel>");
    const shown = JSON.stringify(alert.blocks);
    expect(shown).toContain("no update since Fri 6 Mar, 13:45 UK time");
    expect(shown).toContain("Owner: <@U0FF01PRIY>");
    expect(shown).toContain("noticed Sat 7 Mar, 14:00 UK time, outside business hours");
    expect(shown).toContain("Cannot deploy &lt;!channel&gt;");
  });

  it("builds a modal that says who receives what and only sends from its button", () => {
    const view = replyModal({ ticket, recipient: "Jane Doe", channelName: "live chat", sender: { name: "Tom Hughes", onBehalf: true }, initialText: "Hello", privateMetadata: "{}" });
    const shown = JSON.stringify(view);
    expect(view).toMatchObject({ type: "modal", submit: { text: "Send to customer" }, title: { text: "Reply to customer" } });
    expect(shown).toContain("To *Jane Doe* by live chat, from *Tom Hughes* (the ticket's owner: you have no HubSpot seat)");
    expect(shown).toContain('"initial_value":"Hello"');
  });
});
