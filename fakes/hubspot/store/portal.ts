import { randomBytes } from "node:crypto";
import { Dataset, type DatasetOptions } from "../data/dataset";
import { EMAIL_CHANNEL, stageFor, stateOfStage, type TicketState } from "../data/portal-config";
import { badRequest, invalidProperties, notFound } from "../errors";
import { ID_BASE } from "../ids";
import { SCHEMAS, SINGULAR, iso, type ObjectType } from "../properties";
import { ASSOCIATION_TYPES, Associations, type AssociationTypeDef } from "./associations";
import { Collection, type CrmRecord, type GeneratedSource } from "./collection";
import { Conversations, comment, incoming, outgoing, type Customer, type MessageRecord, type Recipient, type ThreadRecord } from "./conversations";
import { SearchEngine } from "./search";
import { Users } from "./users";
import { validateProperties, type PropertyChanges } from "./validate-properties";

// The simulated HubSpot account: the data, and the rules HubSpot applies when it changes
// (modified dates, closed dates, help-desk stage automation, message timestamps on tickets).
// Every change is reported through `emit` (for webhooks) and API writes are logged so tests and
// demos can read back what the app wrote.

/** Who made a change, as webhooks report it in changeSource. */
export type ChangeSource = "INTEGRATION" | "CRM_UI" | "CONVERSATIONS";

export interface Actor {
  source: ChangeSource;
  /** API writes follow HubSpot's validation; the control API acts as HubSpot itself. */
  strict: boolean;
}

export const API_ACTOR: Actor = { source: "INTEGRATION", strict: true };

const PLURAL = Object.fromEntries(Object.entries(SINGULAR).map(([plural, singular]) => [singular, plural])) as Record<string, ObjectType>;

export interface ChangeEvent {
  subscriptionType: string;
  objectId: number;
  occurredAt: number;
  changeSource: ChangeSource;
  [field: string]: unknown;
}

export interface WriteLogEntry {
  at: string;
  action: "create" | "update" | "archive" | "merge" | "message" | "provision";
  objectType: ObjectType | "messages" | "users";
  id: string;
  properties?: PropertyChanges;
  changed?: string[];
  threadId?: string;
  mergedId?: string;
}

export interface NewAssociation {
  toId: number;
  typeId: number;
}

export interface PortalOptions {
  dataset: DatasetOptions;
  now: () => number;
  searchLagMs: number;
  appId: number;
  emit: (event: ChangeEvent) => void;
}

export class Portal {
  readonly dataset: Dataset;
  readonly collections: Record<ObjectType, Collection>;
  readonly search: Record<ObjectType, SearchEngine>;
  readonly associations: Associations;
  readonly conversations: Conversations;
  readonly users = new Users();
  readonly writes: WriteLogEntry[] = [];
  private contactRotation = 0;

  constructor(
    private readonly options: PortalOptions,
    defaultAnchor: number,
  ) {
    const d = new Dataset(options.dataset, defaultAnchor);
    this.dataset = d;
    const sources: Record<ObjectType, GeneratedSource> = {
      tickets: {
        count: d.ticketCount,
        properties: (i) => d.ticket(i).properties,
        modifiedAt: (i) => d.modifiedAt(i),
        firstModifiedAtOrAfter: (t) => d.firstModifiedAtOrAfter(t),
      },
      contacts: { count: d.contactCount, properties: (c) => contactProperties(d, c) },
      companies: { count: d.companyCount, properties: (k) => companyProperties(d, k) },
      notes: { count: 0, properties: () => ({}) },
    };
    const make = (type: ObjectType) => new Collection(type, ID_BASE[type], sources[type], options.searchLagMs);
    this.collections = { tickets: make("tickets"), contacts: make("contacts"), companies: make("companies"), notes: make("notes") };
    this.associations = new Associations(d);
    this.conversations = new Conversations(d);
    const searchOf = (type: ObjectType) =>
      new SearchEngine(this.collections[type], (id, toSingular) => {
        const to = PLURAL[toSingular];
        return to ? this.associatedIds(type, id, to).map(String) : [];
      });
    this.search = { tickets: searchOf("tickets"), contacts: searchOf("contacts"), companies: searchOf("companies"), notes: searchOf("notes") };
  }

  now(): number {
    return this.options.now();
  }

  /** A live record, following merges; 404 otherwise. */
  record(type: ObjectType, id: number): CrmRecord {
    const collection = this.collections[type];
    const record = collection.live(collection.mergedInto.get(id) ?? id);
    if (!record) throw notFound();
    return record;
  }

  exists(type: ObjectType, id: number): boolean {
    return this.collections[type].exists(id);
  }

  /** Associations to records that still exist (HubSpot drops them when a record is deleted). */
  associationsOf(type: ObjectType, id: number, to: ObjectType) {
    return this.associations.list(type, id, to).filter((a) => this.exists(to, a.toId));
  }

  associatedIds(type: ObjectType, id: number, to: ObjectType): number[] {
    return this.associationsOf(type, id, to).map((a) => a.toId);
  }

  // ---- CRM writes ------------------------------------------------------------------------

  create(type: ObjectType, properties: unknown, associations: NewAssociation[], actor: Actor): CrmRecord {
    const now = this.now();
    const changes = this.validate(type, properties, actor);
    const required = type === "tickets" ? ["subject", "hs_pipeline_stage"] : type === "notes" ? ["hs_timestamp"] : [];
    const missing = required.filter((name) => !changes[name]);
    if (missing.length > 0) {
      throw invalidProperties(missing.map((name) => ({ name, error: "REQUIRED" as const, message: `${name} is required` })));
    }
    this.checkAssociations(type, associations);
    const schema = SCHEMAS[type];
    const collection = this.collections[type];
    const id = collection.allocateId();
    const record: CrmRecord = { id, properties: {}, archived: false };
    const given = Object.fromEntries(Object.entries(changes).filter((e): e is [string, string] => e[1] !== null));
    Object.assign(record.properties, given, {
      hs_object_id: String(id),
      [schema.createdProperty]: given[schema.createdProperty] ?? iso(now),
      [schema.modifiedProperty]: iso(now),
    });
    if (type === "tickets") {
      record.properties.hs_pipeline ??= "0";
      record.properties.hs_object_source = actor.source;
      this.applyTicketRules(record, Object.keys(given), now);
    }
    collection.save(record, now);
    for (const a of associations) this.associations.add(id, a.toId, a.typeId);

    if (type === "tickets") {
      this.emit({ subscriptionType: "ticket.creation", objectId: id, changeFlag: "NEW" }, actor, now);
      for (const name of Object.keys(given)) this.emitPropertyChange(id, name, record.properties[name] ?? "", actor, now);
      for (const a of associations) this.emitAssociationChange(id, a, actor, now);
    }
    if (type === "notes") {
      for (const a of associations) {
        if (ASSOCIATION_TYPES.get(a.typeId)!.to === "tickets") this.changeTicket(a.toId, { notes_last_updated: iso(now) }, actor);
      }
    }
    this.log(actor, { action: "create", objectType: type, id: String(id), properties: changes });
    return collection.get(id)!;
  }

  update(type: ObjectType, id: number, properties: unknown, actor: Actor): CrmRecord {
    const current = this.record(type, id);
    const changes = this.validate(type, properties, actor, current.properties);
    const changed = this.apply(type, current, changes, actor);
    this.log(actor, { action: "update", objectType: type, id: String(current.id), properties: changes, changed });
    return this.collections[type].get(current.id)!;
  }

  archive(type: ObjectType, id: number, actor: Actor): void {
    const collection = this.collections[type];
    const record = collection.get(id);
    if (!record) throw notFound();
    if (record.archived) return;
    const now = this.now();
    record.archived = true;
    record.archivedAt = now;
    collection.save(record, now);
    if (type === "tickets") this.emit({ subscriptionType: "ticket.deletion", objectId: id, changeFlag: "DELETED" }, actor, now);
    this.log(actor, { action: "archive", objectType: type, id: String(id) });
  }

  /** Ticket merge: the second ticket is archived and its id answers with the primary from now on. */
  mergeTickets(primaryId: number, mergedId: number, actor: Actor): CrmRecord {
    if (primaryId === mergedId) throw badRequest("Cannot merge a ticket with itself");
    const primary = this.record("tickets", primaryId);
    const merged = this.record("tickets", mergedId);
    const now = this.now();
    const tickets = this.collections.tickets;
    merged.archived = true;
    merged.archivedAt = now;
    tickets.save(merged, now);
    tickets.mergedInto.set(merged.id, primary.id);
    primary.properties.hs_lastmodifieddate = iso(now);
    tickets.save(primary, now);
    this.emit(
      {
        subscriptionType: "ticket.merge",
        objectId: primary.id,
        primaryObjectId: primary.id,
        mergedObjectIds: [primary.id, merged.id],
        newObjectId: primary.id,
        numberOfPropertiesMoved: 0,
      },
      actor,
      now,
    );
    this.log(actor, { action: "merge", objectType: "tickets", id: String(primary.id), mergedId: String(merged.id) });
    return tickets.get(primary.id)!;
  }

  private validate(type: ObjectType, properties: unknown, actor: Actor, current?: Record<string, string>): PropertyChanges {
    return validateProperties(type, properties, {
      strict: actor.strict,
      ...(current ? { current } : {}),
      ownerExists: (id) => this.users.owner(id) !== undefined,
    });
  }

  private checkAssociations(type: ObjectType, associations: NewAssociation[]): void {
    for (const a of associations) {
      const def: AssociationTypeDef | undefined = ASSOCIATION_TYPES.get(a.typeId);
      if (!def || def.from !== type) throw badRequest(`Association type ${a.typeId} is not valid for ${type}`);
      if (!this.exists(def.to, a.toId)) throw badRequest(`One or more associations are invalid: ${def.to} ${a.toId} does not exist`);
    }
  }

  /** Applies changes to a record with HubSpot's side effects; returns the names that changed. */
  private apply(type: ObjectType, record: CrmRecord, changes: PropertyChanges, actor: Actor): string[] {
    const now = this.now();
    const changed: string[] = [];
    for (const [name, value] of Object.entries(changes)) {
      const before = record.properties[name];
      if (value === null) {
        if (before === undefined) continue;
        delete record.properties[name];
      } else {
        if (before === value) continue;
        record.properties[name] = value;
      }
      changed.push(name);
    }
    if (changed.length === 0) return changed;
    if (type === "tickets") changed.push(...this.applyTicketRules(record, changed, now));
    record.properties[SCHEMAS[type].modifiedProperty] = iso(now);
    this.collections[type].save(record, now);
    if (type === "tickets") for (const name of changed) this.emitPropertyChange(record.id, name, record.properties[name] ?? "", actor, now);
    return changed;
  }

  /** What HubSpot derives: closed_date follows the stage's state; an assignment is dated. */
  private applyTicketRules(record: CrmRecord, changed: string[], now: number): string[] {
    const p = record.properties;
    const derived: string[] = [];
    if (changed.includes("hs_pipeline_stage") && !changed.includes("closed_date")) {
      const closed = stateOfStage(p.hs_pipeline ?? "0", p.hs_pipeline_stage ?? "") === "closed";
      if (closed && !p.closed_date) {
        p.closed_date = iso(now);
        derived.push("closed_date");
      } else if (!closed && p.closed_date) {
        delete p.closed_date;
        derived.push("closed_date");
      }
    }
    if (changed.includes("hubspot_owner_id") && p.hubspot_owner_id) {
      p.hubspot_owner_assigneddate = iso(now);
      derived.push("hubspot_owner_assigneddate");
    }
    return derived;
  }

  /** A change HubSpot makes itself (message timestamps, stage automation). */
  private changeTicket(ticketId: number, changes: PropertyChanges, actor: Actor): void {
    const record = this.collections.tickets.live(ticketId);
    if (record) this.apply("tickets", record, changes, actor);
  }

  // ---- conversations ---------------------------------------------------------------------

  thread(id: number): ThreadRecord {
    const thread = this.conversations.thread(id);
    if (!thread) throw notFound(`Thread ${id} not found`);
    return thread;
  }

  threadOfTicket(ticketId: number): ThreadRecord | undefined {
    const threadId = this.collections.tickets.live(ticketId)?.properties.hs_conversations_originating_thread_id;
    return threadId ? this.conversations.thread(Number(threadId)) : undefined;
  }

  /** A reply through the public API: validated like HubSpot's POST .../threads/{id}/messages. */
  reply(threadId: number, body: unknown): MessageRecord {
    const thread = this.thread(threadId);
    const input = (body ?? {}) as Record<string, unknown>;
    const type = input.type;
    if (type !== "MESSAGE" && type !== "COMMENT") throw badRequest(`type must be MESSAGE or COMMENT, got ${String(type)}`);
    const text = input.text;
    if (typeof text !== "string" || text.trim() === "") throw badRequest("text is required");
    if (input.attachments !== undefined && !Array.isArray(input.attachments)) throw badRequest("attachments must be an array");
    const richText = typeof input.richText === "string" ? input.richText : undefined;
    const sender = this.agentActor(input.senderActorId, type === "MESSAGE");
    const client = { clientType: "INTEGRATION" as const, integrationAppId: this.options.appId };
    const base = { id: randomBytes(16).toString("hex"), threadId, createdAt: this.now(), text, richText: richText ?? `<p>${escapeText(text)}</p>`, origin: "api" as const };
    let message: MessageRecord;
    if (type === "COMMENT") {
      // A comment without a named agent is the integration's own (HubSpot's "I-" actors).
      message = { ...base, ...comment(sender ?? { actorId: `I-${this.options.appId}`, name: "Support Desk" }, client) };
    } else {
      if (input.channelId !== thread.channelId || input.channelAccountId !== thread.channelAccountId) {
        throw badRequest(`channelId and channelAccountId must match the thread's channel (${thread.channelId}/${thread.channelAccountId})`);
      }
      const recipients = parseRecipients(input.recipients, thread.channelId === EMAIL_CHANNEL.channelId);
      const subject = typeof input.subject === "string" ? input.subject : `Re: ${this.ticketSubject(thread)}`;
      message = { ...base, ...outgoing(thread, this.customerOf(thread), sender!, subject, client, recipients) };
    }
    this.addMessage(thread, message, API_ACTOR);
    this.log(API_ACTOR, { action: "message", objectType: "messages", id: message.id, threadId: String(threadId) });
    return message;
  }

  /** The customer writes in (control API): creates the ticket's thread when it has none. */
  customerMessage(ticketId: number, input: { text: string; richText?: string; channel?: "EMAIL" | "CHAT" }): { thread: ThreadRecord; message: MessageRecord } {
    const ticket = this.record("tickets", ticketId);
    const actor: Actor = { source: "CONVERSATIONS", strict: false };
    const thread = this.threadOfTicket(ticket.id) ?? this.startThread(ticket, input.channel ?? (ticket.properties.source_type === "CHAT" ? "CHAT" : "EMAIL"), actor);
    const message: MessageRecord = {
      id: randomBytes(16).toString("hex"),
      threadId: thread.id,
      createdAt: this.now(),
      text: input.text,
      richText: input.richText ?? `<p>${escapeText(input.text)}</p>`,
      origin: "control",
      ...incoming(thread, this.customerOf(thread), ticket.properties.subject ?? ""),
    };
    this.addMessage(thread, message, actor);
    return { thread, message };
  }

  /** A team member answers from HubSpot's own inbox (control API), not through the app. */
  agentMessage(ticketId: number, input: { text: string; ownerId?: string }): { thread: ThreadRecord; message: MessageRecord } {
    const ticket = this.record("tickets", ticketId);
    const thread = this.threadOfTicket(ticket.id);
    if (!thread) throw badRequest(`Ticket ${ticketId} has no conversation thread`);
    const owner = this.users.owner(input.ownerId ?? ticket.properties.hubspot_owner_id ?? "") ?? this.users.allOwners()[0]!;
    const agent = { actorId: `A-${owner.userId}`, name: `${owner.firstName} ${owner.lastName}`.trim() };
    const message: MessageRecord = {
      id: randomBytes(16).toString("hex"),
      threadId: thread.id,
      createdAt: this.now(),
      text: input.text,
      richText: `<p>${escapeText(input.text)}</p>`,
      origin: "control",
      ...outgoing(thread, this.customerOf(thread), agent, `Re: ${ticket.properties.subject ?? ""}`, { clientType: "HUBSPOT" }),
    };
    this.addMessage(thread, message, { source: "CRM_UI", strict: false });
    return { thread, message };
  }

  private startThread(ticket: CrmRecord, channel: "EMAIL" | "CHAT", actor: Actor): ThreadRecord {
    const contactId = this.associatedIds("tickets", ticket.id, "contacts")[0];
    const customer = contactId === undefined ? anonymousCustomer() : this.customerFromContact(contactId);
    const thread = this.conversations.createThread(ticket.id, customer, channel === "CHAT", this.now());
    this.apply("tickets", ticket, { hs_conversations_originating_thread_id: String(thread.id) }, actor);
    return thread;
  }

  /**
   * A new message updates the ticket as HubSpot's help desk does: the message timestamps, and
   * the stage (a customer reply puts it back on "Waiting on us", a team reply on "Waiting on contact").
   */
  private addMessage(thread: ThreadRecord, message: MessageRecord, actor: Actor): void {
    this.conversations.add(message);
    const now = message.createdAt;
    const ticket = thread.ticketId === null ? undefined : this.collections.tickets.live(thread.ticketId);
    if (ticket && message.type === "MESSAGE") {
      const p = ticket.properties;
      const at = iso(now);
      const state = stateOfStage(p.hs_pipeline ?? "0", p.hs_pipeline_stage ?? "");
      const changes: PropertyChanges = {};
      const moveTo = (target: TicketState) => (changes.hs_pipeline_stage = stageFor(p.hs_pipeline ?? "0", target));
      if (message.direction === "OUTGOING") {
        if (!p.hs_first_agent_message_sent_at) changes.hs_first_agent_message_sent_at = at;
        changes.hs_last_message_sent_at = at;
        if (state === "new" || state === "waitingOnUs") moveTo("waitingOnContact");
        const sender = this.users.ownerOfUser(Number(message.createdBy.slice(2)));
        if (!p.hubspot_owner_id && sender) changes.hubspot_owner_id = sender.id;
      } else {
        changes.hs_last_message_received_at = at;
        if (state === "waitingOnContact" || state === "closed") moveTo("waitingOnUs");
      }
      this.apply("tickets", ticket, changes, actor);
    }
    this.emit(
      { subscriptionType: "conversation.newMessage", objectId: thread.id, messageId: message.id, messageType: message.type, changeFlag: "NEW_MESSAGE" },
      actor,
      now,
    );
  }

  /** The sender of a reply: senderActorId "A-<userId>" of an existing user. */
  private agentActor(raw: unknown, required: boolean): { actorId: string; name: string } | undefined {
    if (raw === undefined && !required) return undefined;
    const match = typeof raw === "string" ? /^A-(\d+)$/.exec(raw) : null;
    if (!match) throw badRequest(`senderActorId must be an agent actor id such as "A-12345", got ${JSON.stringify(raw)}`);
    const user = this.users.user(match[1]!);
    if (!user) throw badRequest(`Actor ${String(raw)} does not exist`);
    return { actorId: `A-${user.id}`, name: [user.firstName, user.lastName].filter(Boolean).join(" ") || user.email };
  }

  private customerOf(thread: ThreadRecord): Customer {
    return this.exists("contacts", thread.contactId) ? this.customerFromContact(thread.contactId) : anonymousCustomer();
  }

  private customerFromContact(contactId: number): Customer {
    const p = this.collections.contacts.get(contactId)?.properties ?? {};
    return { contactId, name: [p.firstname, p.lastname].filter(Boolean).join(" "), email: p.email ?? "" };
  }

  private ticketSubject(thread: ThreadRecord): string {
    return (thread.ticketId !== null && this.collections.tickets.get(thread.ticketId)?.properties.subject) || "";
  }

  /** For control-created tickets without a named customer: the data set's contacts in turn. */
  nextContactId(): number {
    const c = (this.contactRotation++ * 7919) % this.dataset.contactCount;
    return ID_BASE.contacts + c;
  }

  // ---- users -----------------------------------------------------------------------------

  provision(body: unknown) {
    const user = this.users.provision(body, this.now());
    this.log(API_ACTOR, { action: "provision", objectType: "users", id: user.id });
    return user;
  }

  // ---- events and log --------------------------------------------------------------------

  private emit(event: Omit<ChangeEvent, "occurredAt" | "changeSource">, actor: Actor, at: number): void {
    this.options.emit({ ...event, occurredAt: at, changeSource: actor.source } as ChangeEvent);
  }

  private emitPropertyChange(ticketId: number, name: string, value: string, actor: Actor, at: number): void {
    this.emit({ subscriptionType: "ticket.propertyChange", objectId: ticketId, propertyName: name, propertyValue: value }, actor, at);
  }

  private emitAssociationChange(ticketId: number, a: NewAssociation, actor: Actor, at: number): void {
    const def = ASSOCIATION_TYPES.get(a.typeId)!;
    if (def.to !== "contacts" && def.to !== "companies") return;
    this.emit(
      {
        subscriptionType: "ticket.associationChange",
        objectId: ticketId,
        associationType: `TICKET_TO_${def.to === "contacts" ? "CONTACT" : "COMPANY"}`,
        fromObjectId: ticketId,
        toObjectId: a.toId,
        associationRemoved: false,
        isPrimaryAssociation: def.label === "Primary",
      },
      actor,
      at,
    );
  }

  private log(actor: Actor, entry: Omit<WriteLogEntry, "at">): void {
    if (actor.source === "INTEGRATION") this.writes.push({ at: iso(this.now()), ...entry });
  }
}

function anonymousCustomer(): Customer {
  return { contactId: 0, name: "Customer", email: "customer@example.com" };
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\n/g, "<br>");
}

function parseRecipients(raw: unknown, email: boolean): Recipient[] | undefined {
  if (raw === undefined && !email) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("recipients is required: give the customer's delivery identifiers");
  const recipients = raw.map((r): Recipient => {
    const ids = (r as { deliveryIdentifiers?: unknown })?.deliveryIdentifiers;
    if (!Array.isArray(ids) || ids.length === 0) throw badRequest("Each recipient needs deliveryIdentifiers");
    const first = ids[0] as { type?: unknown; value?: unknown };
    if (typeof first?.type !== "string" || typeof first.value !== "string") throw badRequest("A delivery identifier needs a type and a value");
    const actorId = (r as { actorId?: unknown }).actorId;
    return {
      ...(typeof actorId === "string" ? { actorId } : {}),
      recipientField: "TO",
      deliveryIdentifier: { type: first.type as Recipient["deliveryIdentifier"]["type"], value: first.value },
    };
  });
  if (email && !recipients.some((r) => r.deliveryIdentifier.type === "HS_EMAIL_ADDRESS")) {
    throw badRequest("An email reply needs a recipient with an HS_EMAIL_ADDRESS delivery identifier");
  }
  return recipients;
}

function contactProperties(d: Dataset, c: number): Record<string, string> {
  const contact = d.contact(c);
  return {
    hs_object_id: String(contact.id),
    email: contact.email,
    firstname: contact.firstName,
    lastname: contact.lastName,
    ...(contact.companyIndex !== null ? { company: d.company(contact.companyIndex).name } : {}),
    jobtitle: contact.jobTitle,
    createdate: iso(contact.createdAt),
    lastmodifieddate: iso(contact.modifiedAt),
  };
}

function companyProperties(d: Dataset, k: number): Record<string, string> {
  const company = d.company(k);
  return {
    hs_object_id: String(company.id),
    name: company.name,
    domain: company.domain,
    ...(company.tier ? { support_tier: company.tier } : {}),
    industry: company.industry,
    country: company.country,
    numberofemployees: String(company.employees),
    createdate: iso(company.createdAt),
    hs_lastmodifieddate: iso(company.modifiedAt),
  };
}
