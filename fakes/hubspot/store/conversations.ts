import { TEAM } from "../data/catalogue";
import type { Dataset, GeneratedMessage, TicketData } from "../data/dataset";
import { CHAT_CHANNEL, EMAIL_CHANNEL, TEAM_OWNERS } from "../data/portal-config";
import { ID_BASE, runtimeIdStart } from "../ids";

// Conversation threads and messages. A generated ticket from email or chat has thread
// THREADS_BASE + index whose messages come from the ticket's story; threads and messages created
// at run time (a customer writing in, the app replying) live in maps beside them.

export interface DeliveryIdentifier {
  type: "HS_EMAIL_ADDRESS" | "CHANNEL_SPECIFIC_OPAQUE_ID" | "HS_PHONE_NUMBER" | "HS_SHORT_CODE";
  value: string;
}

export interface Sender {
  actorId?: string;
  name?: string;
  senderField?: string;
  deliveryIdentifier?: DeliveryIdentifier;
}

export interface Recipient {
  actorId?: string;
  name?: string;
  recipientField?: string;
  deliveryIdentifier: DeliveryIdentifier;
}

export interface MessageRecord {
  id: string;
  threadId: number;
  type: "MESSAGE" | "COMMENT";
  direction?: "INCOMING" | "OUTGOING";
  createdAt: number;
  text: string;
  richText: string;
  subject?: string;
  senders: Sender[];
  recipients: Recipient[];
  channelId?: string;
  channelAccountId?: string;
  createdBy: string;
  client: { clientType: "HUBSPOT" | "INTEGRATION" | "SYSTEM"; integrationAppId?: number };
  status?: { statusType: "SENT" | "RECEIVED" };
  /** Who produced it: the data set, the app through the API, or the control API. */
  origin: "generated" | "api" | "control";
}

export interface ThreadRecord {
  id: number;
  ticketId: number | null;
  contactId: number;
  channelId: string;
  channelAccountId: string;
  createdAt: number;
}

export interface Customer {
  contactId: number;
  name: string;
  email: string;
}

function channelFor(chat: boolean) {
  return chat ? CHAT_CHANNEL : EMAIL_CHANNEL;
}

export class Conversations {
  private readonly runtimeThreads = new Map<number, ThreadRecord>();
  private readonly added = new Map<number, MessageRecord[]>();
  private nextThreadId = runtimeIdStart(ID_BASE.threads);

  constructor(private readonly dataset: Dataset) {}

  private generatedTicket(threadId: number): TicketData | undefined {
    const index = threadId - ID_BASE.threads;
    if (!Number.isInteger(index) || index < 0 || index >= this.dataset.ticketCount) return undefined;
    const ticket = this.dataset.ticket(index);
    return ticket.threadId === threadId ? ticket : undefined;
  }

  thread(id: number): ThreadRecord | undefined {
    const runtime = this.runtimeThreads.get(id);
    if (runtime) return runtime;
    const ticket = this.generatedTicket(id);
    if (!ticket) return undefined;
    const channel = channelFor(ticket.source === "CHAT");
    return {
      id,
      ticketId: ticket.id,
      contactId: ID_BASE.contacts + ticket.contactIndex,
      channelId: channel.channelId,
      channelAccountId: channel.channelAccountId,
      createdAt: ticket.story.createdAt,
    };
  }

  createThread(ticketId: number, customer: Customer, chat: boolean, now: number): ThreadRecord {
    const channel = channelFor(chat);
    const thread: ThreadRecord = {
      id: this.nextThreadId++,
      ticketId,
      contactId: customer.contactId,
      channelId: channel.channelId,
      channelAccountId: channel.channelAccountId,
      createdAt: now,
    };
    this.runtimeThreads.set(thread.id, thread);
    return thread;
  }

  /** Every message of a thread, oldest first. */
  messages(thread: ThreadRecord): MessageRecord[] {
    const ticket = this.runtimeThreads.has(thread.id) ? undefined : this.generatedTicket(thread.id);
    const generated = ticket ? this.generatedMessages(ticket, thread) : [];
    return [...generated, ...(this.added.get(thread.id) ?? [])].sort((a, b) => a.createdAt - b.createdAt);
  }

  add(message: MessageRecord): void {
    const list = this.added.get(message.threadId) ?? [];
    list.push(message);
    this.added.set(message.threadId, list);
  }

  /** Messages written at run time, optionally only those from one origin. */
  written(origin?: MessageRecord["origin"]): MessageRecord[] {
    return [...this.added.values()].flat().filter((m) => origin === undefined || m.origin === origin);
  }

  /** Ids of threads that got messages at run time, ascending. */
  touchedThreadIds(): number[] {
    return [...this.added.keys()].sort((a, b) => a - b);
  }

  runtimeThreadIds(): number[] {
    return [...this.runtimeThreads.keys()].sort((a, b) => a - b);
  }

  private generatedMessages(ticket: TicketData, thread: ThreadRecord): MessageRecord[] {
    const contact = this.dataset.contact(ticket.contactIndex);
    const customer: Customer = { contactId: thread.contactId, name: `${contact.firstName} ${contact.lastName}`, email: contact.email };
    const subject = ticket.properties.subject ?? "";
    return this.dataset.messages(ticket).map((m) => this.fromGenerated(m, thread, customer, subject));
  }

  private fromGenerated(m: GeneratedMessage, thread: ThreadRecord, customer: Customer, subject: string): MessageRecord {
    const base = { id: m.id, threadId: thread.id, createdAt: m.at, text: m.text, richText: m.richText, origin: "generated" as const };
    if (m.kind === "customer") return { ...base, ...incoming(thread, customer, subject) };
    const owner = TEAM_OWNERS[m.member]!;
    const agent = { actorId: `A-${owner.userId}`, name: `${TEAM[m.member]!.firstName} ${TEAM[m.member]!.lastName}` };
    if (m.kind === "comment") return { ...base, ...comment(agent, { clientType: "HUBSPOT" }) };
    return { ...base, ...outgoing(thread, customer, agent, `Re: ${subject}`, { clientType: "HUBSPOT" }) };
  }
}

type MessageShape = Omit<MessageRecord, "id" | "threadId" | "createdAt" | "text" | "richText" | "origin">;

export function incoming(thread: ThreadRecord, customer: Customer, subject: string): MessageShape {
  const email = thread.channelId === EMAIL_CHANNEL.channelId;
  const actorId = `V-${customer.contactId}`;
  return {
    type: "MESSAGE",
    direction: "INCOMING",
    ...(email ? { subject } : {}),
    senders: [
      email
        ? { actorId, name: customer.name, senderField: "FROM", deliveryIdentifier: { type: "HS_EMAIL_ADDRESS", value: customer.email } }
        : { actorId, name: customer.name },
    ],
    recipients: email
      ? [{ recipientField: "TO", deliveryIdentifier: { type: "HS_EMAIL_ADDRESS", value: EMAIL_CHANNEL.address } }]
      : [],
    channelId: thread.channelId,
    channelAccountId: thread.channelAccountId,
    createdBy: actorId,
    client: { clientType: "SYSTEM" },
    status: { statusType: "RECEIVED" },
  };
}

export function outgoing(
  thread: ThreadRecord,
  customer: Customer,
  agent: { actorId: string; name: string },
  subject: string,
  client: MessageRecord["client"],
  recipients?: Recipient[],
): MessageShape {
  const email = thread.channelId === EMAIL_CHANNEL.channelId;
  return {
    type: "MESSAGE",
    direction: "OUTGOING",
    ...(email ? { subject } : {}),
    senders: [
      email
        ? { ...agent, senderField: "FROM", deliveryIdentifier: { type: "HS_EMAIL_ADDRESS", value: EMAIL_CHANNEL.address } }
        : agent,
    ],
    recipients: recipients ?? [
      email
        ? { actorId: `V-${customer.contactId}`, name: customer.name, recipientField: "TO", deliveryIdentifier: { type: "HS_EMAIL_ADDRESS", value: customer.email } }
        : { actorId: `V-${customer.contactId}`, deliveryIdentifier: { type: "CHANNEL_SPECIFIC_OPAQUE_ID", value: `visitor-${customer.contactId}` } },
    ],
    channelId: thread.channelId,
    channelAccountId: thread.channelAccountId,
    createdBy: agent.actorId,
    client,
    status: { statusType: "SENT" },
  };
}

export function comment(agent: { actorId: string; name: string }, client: MessageRecord["client"]): MessageShape {
  return { type: "COMMENT", senders: [agent], recipients: [], createdBy: agent.actorId, client };
}
