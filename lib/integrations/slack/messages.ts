import { createHash } from "node:crypto";
import type { MessageContent } from "@/lib/integrations/slack/client";
import { escapeMrkdwn, mrkdwnLink, truncate } from "@/lib/integrations/slack/text";
import type { SlaState } from "@/lib/sla/sla-state";
import { TIER_LABELS, type Tier } from "@/lib/tiers/tier";

// What the app posts in #support-tickets, as Block Kit, from plain data (lib/slack loads it).
// Everything taken from HubSpot is escaped: a customer cannot mention @channel or forge a link.
// The ticket's message shows only what changes its meaning (status, owner, tier, SLA state and due
// time), never relative times, so it is edited when something happens, not every minute. Plain
// blocks and words rather than emoji and quotes, so that the simulator's page reads like Slack.

export const REPLY_SHORTCUT_CALLBACK = "reply_to_customer";
export const REPLY_MODAL_CALLBACK = "reply_to_customer_submit";
export const REPLY_BLOCK = "reply";
export const REPLY_ACTION = "text";
export const NO_DOCS_BLOCK = "docs";
export const NO_DOCS_ACTION = "without_docs";

const SOURCES: Record<string, string> = { CHAT: "Live chat", EMAIL: "Email", FORM: "Form", PHONE: "Phone" };

export interface TicketSummary {
  id: string;
  subject: string | null;
  /** What the customer wrote first (the opening message, else the ticket's description). */
  excerpt: string | null;
  sourceType: string | null;
  priority: string | null;
  status: { label: string; open: boolean } | null;
  owner: string | null;
  customer: { name: string | null; email: string | null; company: string | null };
  tier: Tier | null;
  sla: { state: SlaState; dueAt: Date | null; respondedAt: Date | null };
  links: { dashboard: string; hubspot: string | null };
}

const london = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
});

/** "Mon 27 Nov, 11:00 UK time": absolute, so the message stays true without being edited. */
export function ukTime(date: Date): string {
  return `${london.format(date)} UK time`;
}

function subjectOf(ticket: Pick<TicketSummary, "id" | "subject">): string {
  return ticket.subject?.trim() || `Ticket ${ticket.id}`;
}

/** "#4200000123 Cannot deploy", linked to the ticket's page in Support Desk. */
export function ticketLink(ticket: Pick<TicketSummary, "id" | "subject" | "links">): string {
  return mrkdwnLink(ticket.links.dashboard, truncate(`#${ticket.id} ${subjectOf(ticket)}`, 150));
}

export function slaText(sla: TicketSummary["sla"]): string {
  const due = sla.dueAt ? ukTime(sla.dueAt) : "unknown";
  switch (sla.state) {
    case "running":
    case "paused":
      return `Due ${due}`;
    case "due_soon":
      return `*Due soon*: ${due}`;
    case "breached":
      return `*Breached* (was due ${due})`;
    case "met":
      return `Met${sla.respondedAt ? ` (answered ${ukTime(sla.respondedAt)})` : ""}`;
    case "met_late":
      return `Met late${sla.respondedAt ? ` (answered ${ukTime(sla.respondedAt)})` : ""}`;
    case "not_applicable":
      return "No SLA";
  }
}

function customerText(customer: TicketSummary["customer"]): string {
  const who = customer.name ?? customer.email;
  if (!who) return "Unknown";
  return escapeMrkdwn([who, customer.company ? `(${customer.company})` : null].filter(Boolean).join(" "));
}

/** The ticket's message: the root of its thread. */
export function ticketMessage(ticket: TicketSummary): MessageContent {
  const status = ticket.status ? `${ticket.status.label}${ticket.status.open ? "" : " (closed)"}` : "Unknown";
  const fields = [
    ["Customer", customerText(ticket.customer)],
    ["Tier", ticket.tier ? TIER_LABELS[ticket.tier] : "Not decided yet"],
    ["Status", escapeMrkdwn(status)],
    ["Owner", ticket.owner ? escapeMrkdwn(ticket.owner) : "Unassigned"],
    ["First response", slaText(ticket.sla)],
    ["Source", [SOURCES[ticket.sourceType ?? ""] ?? escapeMrkdwn(ticket.sourceType ?? "Unknown"), ticket.priority ? `${escapeMrkdwn(ticket.priority.toLowerCase())} priority` : null].filter(Boolean).join(", ")],
  ].map(([name, value]) => ({ type: "mrkdwn", text: `*${name}*\n${value}` }));
  const links = [mrkdwnLink(ticket.links.dashboard, "Open in Support Desk"), ...(ticket.links.hubspot ? [mrkdwnLink(ticket.links.hubspot, "Open in HubSpot")] : [])];
  const hint =
    ticket.sourceType === "CHAT"
      ? "Comments here become internal notes. To answer the customer in the chat, use the message shortcut *Reply to customer*."
      : "Comments here become internal notes in HubSpot (never sent to the customer).";
  return {
    text: `${ticket.status?.open === false ? "Closed ticket" : "Ticket"} #${ticket.id}: ${truncate(subjectOf(ticket), 200)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: truncate(`#${ticket.id} ${subjectOf(ticket)}`, 150) } },
      ...(ticket.excerpt?.trim() ? [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(truncate(ticket.excerpt.trim(), 600)) } }] : []),
      { type: "section", fields },
      { type: "context", elements: [{ type: "mrkdwn", text: `${links.join(" · ")}\n${hint}` }] },
    ],
  };
}

/** Tells whether the ticket's message must be edited: a hash of what it shows. */
export function contentHash(content: MessageContent): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex").slice(0, 32);
}

/** A customer's message on the ticket's conversation, in the ticket's thread. */
export function customerMessage(message: { from: string | null; text: string; sentAt: Date; viaChat: boolean }, ticket: Pick<TicketSummary, "links">): MessageContent {
  const from = message.from?.trim() || "The customer";
  const text = message.text.trim() || "(no text: attachments only)";
  const long = text.length > 2800;
  return {
    text: `${from} wrote: ${truncate(text, 300)}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeMrkdwn(from)}* ${message.viaChat ? "in the chat" : "wrote"}:\n${escapeMrkdwn(truncate(text, 2800))}` },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `${ukTime(message.sentAt)}${long ? ` · ${mrkdwnLink(ticket.links.dashboard, "Read all of it in Support Desk")}` : ""}` }],
      },
    ],
  };
}

export type AlertKind = "STALE" | "DUE_SOON" | "BREACHED";

export interface AlertSummary {
  kind: AlertKind;
  ticket: Pick<TicketSummary, "id" | "subject" | "links">;
  /** A mention (<@U…>) when the owner is in Slack, else their name; null: unassigned. */
  owner: string | null;
  dueAt: Date | null;
  lastUpdatedAt: Date | null;
  threadLink: string | null;
  /** When the alert was detected outside business hours: it is posted at the next opening. */
  detectedOutOfHours: Date | null;
}

function alertWording(alert: AlertSummary, plainTicket: string): { title: string; detail: string; text: string } {
  switch (alert.kind) {
    case "STALE":
      return {
        title: "Stale ticket",
        detail: `no update since ${alert.lastUpdatedAt ? ukTime(alert.lastUpdatedAt) : "over a day ago"}`,
        text: `Stale ticket ${plainTicket}`,
      };
    case "DUE_SOON":
      return {
        title: "First response due soon",
        detail: `due ${alert.dueAt ? ukTime(alert.dueAt) : "soon"}, not answered yet`,
        text: `First response due soon: ${plainTicket}`,
      };
    case "BREACHED":
      return {
        title: "First-response SLA breached",
        detail: `was due ${alert.dueAt ? ukTime(alert.dueAt) : "earlier"}, still not answered`,
        text: `SLA breached: ${plainTicket}`,
      };
  }
}

export function alertMessage(alert: AlertSummary): MessageContent {
  const ticket = ticketLink(alert.ticket);
  const plainTicket = `#${alert.ticket.id} ${truncate(subjectOf(alert.ticket), 120)}`;
  const { title, detail, text } = alertWording(alert, plainTicket);
  const context = [
    `Owner: ${alert.owner ?? "unassigned"}`,
    ...(alert.threadLink ? [mrkdwnLink(alert.threadLink, "Ticket thread")] : []),
    ...(alert.detectedOutOfHours ? [`noticed ${ukTime(alert.detectedOutOfHours)}, outside business hours`] : []),
  ];
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${title}*: ${ticket}\n${detail}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] },
    ],
  };
}

/** In the thread, what a reply from Slack did. */
export function replyOutcomeMessage(
  outcome: { sent: true; text: string; author: string; recipient: string | null; channelName: string } | { sent: false; reason: string; author: string; dashboard: string },
): MessageContent {
  if (outcome.sent) {
    const to = outcome.recipient ? `to ${escapeMrkdwn(outcome.recipient)}` : "to the customer";
    return {
      text: `Sent ${outcome.recipient ? `to ${outcome.recipient}` : "to the customer"} by ${outcome.author}: ${truncate(outcome.text, 200)}`,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `*Sent ${to}* (${escapeMrkdwn(outcome.channelName)}) by ${escapeMrkdwn(outcome.author)}:\n${escapeMrkdwn(truncate(outcome.text, 2800))}` } }],
    };
  }
  return {
    text: `Not sent to the customer: ${outcome.reason}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*The reply by ${escapeMrkdwn(outcome.author)} was not sent*: ${escapeMrkdwn(truncate(outcome.reason, 500))}\nRetry it from ${mrkdwnLink(outcome.dashboard, "the ticket in Support Desk")}.` },
      },
    ],
  };
}

export interface ReplyModalInput {
  ticket: Pick<TicketSummary, "id" | "subject">;
  recipient: string | null;
  channelName: string;
  sender: { name: string; onBehalf: boolean };
  initialText: string;
  /** Carried back by the submission (≤ 3000 characters). */
  privateMetadata: string;
}

/** The modal of the "Reply to customer" shortcut: what goes to whom, editable, sent only by its button. */
export function replyModal(input: ReplyModalInput): Record<string, unknown> {
  const to = input.recipient ? `*${escapeMrkdwn(input.recipient)}*` : "the customer";
  const from = input.sender.onBehalf ? `*${escapeMrkdwn(input.sender.name)}* (the ticket's owner: you have no HubSpot seat)` : `*${escapeMrkdwn(input.sender.name)}*`;
  return {
    type: "modal",
    callback_id: REPLY_MODAL_CALLBACK,
    private_metadata: input.privateMetadata,
    title: { type: "plain_text", text: "Reply to customer" },
    submit: { type: "plain_text", text: "Send to customer" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeMrkdwn(truncate(`#${input.ticket.id} ${subjectOf(input.ticket)}`, 200))}*\nTo ${to} by ${escapeMrkdwn(input.channelName)}, from ${from}.` },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: "*The customer receives this message.* For a note only the team sees, comment in the thread instead." }],
      },
      {
        type: "input",
        block_id: REPLY_BLOCK,
        label: { type: "plain_text", text: "Message to the customer" },
        element: {
          type: "plain_text_input",
          action_id: REPLY_ACTION,
          multiline: true,
          max_length: 3000,
          ...(input.initialText ? { initial_value: truncate(input.initialText, 3000) } : {}),
        },
      },
      {
        type: "input",
        block_id: NO_DOCS_BLOCK,
        optional: true,
        label: { type: "plain_text", text: "Documentation" },
        hint: { type: "plain_text", text: "Replies should link to a FlowForge article. Tick this only when none applies." },
        element: {
          type: "checkboxes",
          action_id: NO_DOCS_ACTION,
          options: [{ text: { type: "plain_text", text: "Send without a documentation link" }, value: "yes" }],
        },
      },
    ],
  };
}
