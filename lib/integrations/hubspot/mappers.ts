import { MODIFIED_PROPERTY, PRIMARY_TICKET_TO_COMPANY } from "@/lib/integrations/hubspot/properties";
import type { CrmObject, HubSpotMessage, HubSpotOwner, HubSpotPipeline, HubSpotThread } from "@/lib/integrations/hubspot/schema";

// HubSpot records → the rows lib/sync stores. Pure functions: no database, no network.

/** HubSpot sends datetimes as ISO 8601, or as epoch milliseconds in older properties. */
export function hubspotDate(value: string | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function text(value: string | null | undefined): string | null {
  return value === undefined || value === "" ? null : value;
}

function instant(value: Date | string | undefined): Date | null {
  if (value === undefined) return null;
  return value instanceof Date ? value : hubspotDate(value);
}

/** The record's last-modified time: the forward-only rule compares these. */
export function lastModified(type: keyof typeof MODIFIED_PROPERTY, record: CrmObject): Date {
  const at = hubspotDate(record.properties[MODIFIED_PROPERTY[type]]) ?? instant(record.updatedAt);
  if (!at) throw new Error(`HubSpot ${type} ${record.id} has no ${MODIFIED_PROPERTY[type]}`);
  return at;
}

export interface TicketRow {
  id: string;
  subject: string | null;
  content: string | null;
  pipelineId: string | null;
  stageId: string | null;
  priority: string | null;
  category: string | null;
  sourceType: string | null;
  ownerId: string | null;
  threadId: string | null;
  hsCreatedAt: Date | null;
  hsLastModifiedAt: Date;
  closedAt: Date | null;
  firstAgentMessageAt: Date | null;
  lastMessageReceivedAt: Date | null;
  lastMessageSentAt: Date | null;
  properties: Record<string, string | null>;
}

export interface TicketAssociations {
  contactIds: string[];
  companies: { id: string; primary: boolean }[];
}

export function ticketRow(record: CrmObject): TicketRow {
  const p = record.properties;
  return {
    id: record.id,
    subject: text(p.subject),
    content: text(p.content),
    pipelineId: text(p.hs_pipeline),
    stageId: text(p.hs_pipeline_stage),
    priority: text(p.hs_ticket_priority),
    category: text(p.hs_ticket_category),
    sourceType: text(p.source_type),
    ownerId: text(p.hubspot_owner_id),
    threadId: text(p.hs_conversations_originating_thread_id),
    hsCreatedAt: hubspotDate(p.createdate),
    hsLastModifiedAt: lastModified("tickets", record),
    closedAt: hubspotDate(p.closed_date),
    firstAgentMessageAt: hubspotDate(p.hs_first_agent_message_sent_at),
    lastMessageReceivedAt: hubspotDate(p.hs_last_message_received_at),
    lastMessageSentAt: hubspotDate(p.hs_last_message_sent_at),
    properties: p,
  };
}

/** Associations as the list API embeds them (v3 names: "ticket_to_company" is the primary one). */
export function embeddedAssociations(record: CrmObject): TicketAssociations {
  const contacts = record.associations?.contacts?.results ?? [];
  const companies = record.associations?.companies?.results ?? [];
  const byCompany = new Map<string, boolean>();
  for (const company of companies) byCompany.set(company.id, (byCompany.get(company.id) ?? false) || company.type === "ticket_to_company");
  return {
    contactIds: [...new Set(contacts.map((contact) => contact.id))],
    companies: [...byCompany].map(([id, primary]) => ({ id, primary })),
  };
}

/** Associations as the v4 batch read returns them (type id 26 is the primary company). */
export function v4Associations(contacts: { id: string }[] | undefined, companies: { id: string; typeIds: number[] }[] | undefined): TicketAssociations {
  return {
    contactIds: [...new Set((contacts ?? []).map((contact) => contact.id))],
    companies: (companies ?? []).map((company) => ({ id: company.id, primary: company.typeIds.includes(PRIMARY_TICKET_TO_COMPANY) })),
  };
}

export interface ContactRow {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  hsLastModifiedAt: Date;
  properties: Record<string, string | null>;
}

export function contactRow(record: CrmObject): ContactRow {
  const p = record.properties;
  return {
    id: record.id,
    email: text(p.email)?.toLowerCase() ?? null,
    firstName: text(p.firstname),
    lastName: text(p.lastname),
    hsLastModifiedAt: lastModified("contacts", record),
    properties: p,
  };
}

export interface CompanyRow {
  id: string;
  name: string | null;
  domain: string | null;
  hsLastModifiedAt: Date;
  properties: Record<string, string | null>;
}

export function companyRow(record: CrmObject): CompanyRow {
  const p = record.properties;
  return {
    id: record.id,
    name: text(p.name),
    domain: text(p.domain)?.toLowerCase() ?? null,
    hsLastModifiedAt: lastModified("companies", record),
    properties: p,
  };
}

export function pipelineRows(pipelines: HubSpotPipeline[]) {
  return pipelines.map((pipeline) => ({
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    archived: pipeline.archived,
    stages: pipeline.stages.map((stage) => ({
      id: stage.id,
      label: stage.label,
      displayOrder: stage.displayOrder,
      archived: stage.archived,
      // A stage without the help desk's metadata is open: only an explicit CLOSED closes a ticket.
      ticketState: stage.metadata?.ticketState === "CLOSED" ? ("CLOSED" as const) : ("OPEN" as const),
    })),
  }));
}

export function ownerRow(owner: HubSpotOwner) {
  return {
    id: owner.id,
    email: owner.email?.toLowerCase() ?? null,
    firstName: owner.firstName ?? null,
    lastName: owner.lastName ?? null,
    userId: owner.userId === undefined ? null : String(owner.userId),
    archived: owner.archived,
  };
}

export function threadRow(thread: HubSpotThread, ticketId: string | null) {
  return {
    id: thread.id,
    ticketId: thread.threadAssociations?.associatedTicketId ?? ticketId,
    status: thread.status ?? null,
    inboxId: thread.inboxId ?? null,
    associatedContactId: thread.associatedContactId ?? null,
    originalChannelId: thread.originalChannelId ?? null,
    originalChannelAccountId: thread.originalChannelAccountId ?? null,
    latestMessageAt: hubspotDate(thread.latestMessageTimestamp),
  };
}

export function messageRow(threadId: string, message: HubSpotMessage) {
  const sender = message.senders[0];
  return {
    id: message.id,
    threadId,
    type: message.type,
    direction: message.direction ?? null,
    channelId: message.channelId ?? null,
    channelAccountId: message.channelAccountId ?? null,
    senderActorId: sender?.actorId ?? null,
    senderName: sender?.name ?? null,
    senderEmail: sender?.deliveryIdentifier?.type === "HS_EMAIL_ADDRESS" ? sender.deliveryIdentifier.value.toLowerCase() : null,
    senders: message.senders,
    recipients: message.recipients,
    subject: message.subject ?? null,
    text: message.text ?? null,
    richText: message.richText ?? null,
    sentAt: hubspotDate(message.createdAt) ?? new Date(0),
  };
}
