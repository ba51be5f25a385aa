import type { ThreadMessage } from "@/lib/sla/first-response";
import { deriveTicketFields, type DerivedTicket, type TicketFacts } from "@/lib/queue/derive-fields";
import { loadSlaConfig, type Db } from "@/lib/queue/load-config";
import type { SlaConfig } from "@/lib/queue/sla-config";

// Recomputes the stored tier and SLA fields of tickets from what Postgres holds (the ticket, its
// contacts and primary company, its thread's messages), in bulk: a handful of statements per
// batch whatever its size. The sync calls it after every write that can change the answer
// (lib/sync/store.ts, lib/sync/tickets.ts); the tickets-rederive job after a settings change.
// Idempotent: a row whose fields would not change is not written.

const BATCH = 500;

interface TicketFactRow {
  id: string;
  openedAt: Date;
  archived: boolean;
  stageState: "OPEN" | "CLOSED" | null;
  closedAt: Date | null;
  firstAgentMessageAt: Date | null;
  conversationContactId: string | null;
}

export async function deriveTickets(db: Db, ticketIds: readonly string[], config?: SlaConfig): Promise<number> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return 0;
  const settings = config ?? (await loadSlaConfig(db));
  let written = 0;
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const facts = await readFacts(db, batch, settings.companyTierProperty);
    written += await writeDerived(db, [...facts].map(([id, fact]) => ({ id, ...deriveTicketFields(fact, settings) })));
  }
  return written;
}

/** Tickets associated with these contacts (a changed email can change the tier). */
export async function deriveTicketsOfContacts(db: Db, contactIds: readonly string[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT DISTINCT ticket_id AS id FROM ticket_contacts WHERE contact_id = ANY(${[...contactIds]}::text[])`;
  return deriveTickets(db, rows.map((row) => row.id));
}

/** Tickets associated with these companies (a changed tier property or domain can change the tier). */
export async function deriveTicketsOfCompanies(db: Db, companyIds: readonly string[]): Promise<number> {
  if (companyIds.length === 0) return 0;
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT DISTINCT ticket_id AS id FROM ticket_companies WHERE company_id = ANY(${[...companyIds]}::text[])`;
  return deriveTickets(db, rows.map((row) => row.id));
}

/** Tickets whose conversation is one of these threads (a new message can be the first response). */
export async function deriveTicketsOfThreads(db: Db, threadIds: readonly string[]): Promise<number> {
  if (threadIds.length === 0) return 0;
  const threads = [...threadIds];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM tickets WHERE thread_id = ANY(${threads}::text[])
    UNION SELECT ticket_id FROM conversation_threads WHERE id = ANY(${threads}::text[]) AND ticket_id IS NOT NULL`;
  return deriveTickets(db, rows.map((row) => row.id));
}

async function readFacts(db: Db, ids: string[], tierProperty: string): Promise<Map<string, TicketFacts>> {
  const [tickets, contacts, companies, messages] = await Promise.all([
    db.$queryRaw<TicketFactRow[]>`
      SELECT t.id, COALESCE(t.hs_created_at, t.created_at) AS "openedAt", t.archived_at IS NOT NULL AS archived,
        s.ticket_state::text AS "stageState", t.closed_at AS "closedAt", t.first_agent_message_at AS "firstAgentMessageAt",
        c.associated_contact_id AS "conversationContactId"
      FROM tickets t
      LEFT JOIN pipeline_stages s ON s.pipeline_id = t.pipeline_id AND s.id = t.stage_id
      LEFT JOIN conversation_threads c ON c.id = t.thread_id
      WHERE t.id = ANY(${ids}::text[])`,
    db.$queryRaw<{ ticketId: string; id: string; email: string | null }[]>`
      SELECT l.ticket_id AS "ticketId", l.contact_id AS id, c.email
      FROM ticket_contacts l LEFT JOIN contacts c ON c.id = l.contact_id
      WHERE l.ticket_id = ANY(${ids}::text[])`,
    db.$queryRaw<{ ticketId: string; id: string; primary: boolean; name: string | null; domain: string | null; tierValue: string | null }[]>`
      SELECT l.ticket_id AS "ticketId", l.company_id AS id, l.is_primary AS primary, c.name, c.domain, c.properties ->> ${tierProperty} AS "tierValue"
      FROM ticket_companies l LEFT JOIN companies c ON c.id = l.company_id
      WHERE l.ticket_id = ANY(${ids}::text[])`,
    // Only outgoing messages can be a response; firstResponse() decides which one counts.
    db.$queryRaw<{ ticketId: string; type: string; senderActorId: string | null; sentAt: Date }[]>`
      SELECT x.ticket_id AS "ticketId", m.type, m.sender_actor_id AS "senderActorId", m.sent_at AS "sentAt"
      FROM (
        SELECT id AS ticket_id, thread_id FROM tickets WHERE id = ANY(${ids}::text[]) AND thread_id IS NOT NULL
        UNION SELECT ticket_id, id FROM conversation_threads WHERE ticket_id = ANY(${ids}::text[])
      ) x
      JOIN conversation_messages m ON m.thread_id = x.thread_id
      WHERE m.direction = 'OUTGOING' AND m.type = 'MESSAGE'`,
  ]);
  const facts = new Map<string, TicketFacts>();
  for (const ticket of tickets) {
    facts.set(ticket.id, {
      openedAt: ticket.openedAt,
      archived: ticket.archived,
      stageState: ticket.stageState,
      closedAt: ticket.closedAt,
      hubspotFirstAgentMessageAt: ticket.firstAgentMessageAt,
      messages: [],
      contacts: [],
      companies: [],
      conversationContactId: ticket.conversationContactId,
    });
  }
  for (const { ticketId, ...contact } of contacts) facts.get(ticketId)?.contacts.push(contact);
  for (const { ticketId, ...company } of companies) facts.get(ticketId)?.companies.push(company);
  for (const message of messages) {
    const entry: ThreadMessage = { direction: "OUTGOING", type: message.type, createdAt: message.sentAt, senderActorId: message.senderActorId };
    facts.get(message.ticketId)?.messages.push(entry);
  }
  return facts;
}

async function writeDerived(db: Db, rows: (DerivedTicket & { id: string })[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$executeRaw`
    UPDATE tickets t SET
      tier = r.tier::"CustomerTier", tier_rule_id = (SELECT id FROM tier_rules WHERE id = r."tierRuleId"::uuid), tier_decided_by = r."tierDecidedBy"::"TierDecidedBy",
      tier_reason = r."tierReason", customer_contact_id = r."customerContactId", customer_company_id = r."customerCompanyId",
      opened_at = r."openedAt", is_open = r."isOpen", sla_applies = r."slaApplies", sla_target_minutes = r."slaTargetMinutes",
      sla_calendar_key = r."slaCalendarKey", first_response_due_at = r."firstResponseDueAt", sla_due_soon_at = r."slaDueSoonAt",
      sla_breach_at = r."slaBreachAt", first_response_at = r."firstResponseAt",
      first_response_source = r."firstResponseSource"::"FirstResponseSource", first_response_on_time = r."firstResponseOnTime",
      urgency_rank = r."urgencyRank", urgency_at = r."urgencyAt", derived_version = r."derivedVersion"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, tier text, "tierRuleId" text, "tierDecidedBy" text,
      "tierReason" text, "customerContactId" text, "customerCompanyId" text, "openedAt" timestamptz, "isOpen" boolean,
      "slaApplies" boolean, "slaTargetMinutes" int, "slaCalendarKey" text, "firstResponseDueAt" timestamptz,
      "slaDueSoonAt" timestamptz, "slaBreachAt" timestamptz, "firstResponseAt" timestamptz, "firstResponseSource" text,
      "firstResponseOnTime" boolean, "urgencyRank" smallint, "urgencyAt" timestamptz, "derivedVersion" int)
    WHERE t.id = r.id AND (t.tier::text, t.tier_rule_id::text, t.tier_decided_by::text, t.tier_reason, t.customer_contact_id,
      t.customer_company_id, t.opened_at, t.is_open, t.sla_applies, t.sla_target_minutes, t.sla_calendar_key,
      t.first_response_due_at, t.sla_due_soon_at, t.sla_breach_at, t.first_response_at, t.first_response_source::text,
      t.first_response_on_time, t.urgency_rank, t.urgency_at, t.derived_version)
      IS DISTINCT FROM (r.tier, r."tierRuleId", r."tierDecidedBy", r."tierReason", r."customerContactId", r."customerCompanyId",
      r."openedAt", r."isOpen", r."slaApplies", r."slaTargetMinutes", r."slaCalendarKey", r."firstResponseDueAt",
      r."slaDueSoonAt", r."slaBreachAt", r."firstResponseAt", r."firstResponseSource", r."firstResponseOnTime",
      r."urgencyRank", r."urgencyAt", r."derivedVersion")`;
}
