import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/sync/deps";
import type { CompanyRow, ContactRow, TicketAssociations, TicketRow } from "@/lib/integrations/hubspot/mappers";
import type { pipelineRows, ownerRow, threadRow, messageRow } from "@/lib/integrations/hubspot/mappers";
import { deriveTickets, deriveTicketsOfCompanies, deriveTicketsOfContacts, deriveTicketsOfThreads } from "@/lib/queue/derive";

// Writes of synced HubSpot data. Every upsert moves a row forward only: it lands when the copy's
// last-modified time is newer than the stored one, so an older or repeated copy changes nothing
// and the order in which copies arrive does not matter. Bulk statements (one per page of 100)
// keep a backfill from being bound by round trips to Postgres. After each write, the tier and SLA
// fields of the tickets it touches are derived again (lib/queue/derive.ts), in the same transaction
// where there is one. A backfill writes with `derive: false` instead: it marks the tickets it
// touches for the tickets-rederive job (derived_version 0), which derives them in bulk once, rather
// than once a page and again for every contact and company page that follows.

/** The newest copy of each record (a batch may name a record twice, e.g. after a merge). */
function newestById<T extends { id: string; hsLastModifiedAt: Date }>(rows: T[]): T[] {
  const byId = new Map<string, T>();
  for (const row of rows) {
    const seen = byId.get(row.id);
    if (!seen || seen.hsLastModifiedAt < row.hsLastModifiedAt) byId.set(row.id, row);
  }
  return [...byId.values()];
}

/**
 * Upserts tickets; returns the ids of the rows inserted or moved forward. `associationsReadAt`:
 * the associations are replaced right after, from a copy read then; a new row is stamped with it
 * at once (replaceTicketAssociations then has no second write of the row to make).
 */
export async function upsertTickets(db: Db | Tx, rows: TicketRow[], associationsReadAt?: Date): Promise<string[]> {
  const unique = newestById(rows);
  if (unique.length === 0) return [];
  // A copy older than the deletion keeps a deleted ticket deleted; a newer one means it was restored.
  const changed = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO tickets (id, subject, content, pipeline_id, stage_id, priority, category, source_type, owner_id, thread_id,
      hs_created_at, hs_last_modified_at, closed_at, first_agent_message_at, last_message_received_at, last_message_sent_at,
      properties, associations_synced_at, updated_at)
    SELECT r.id, r.subject, r.content, r."pipelineId", r."stageId", r.priority, r.category, r."sourceType", r."ownerId", r."threadId",
      r."hsCreatedAt", r."hsLastModifiedAt", r."closedAt", r."firstAgentMessageAt", r."lastMessageReceivedAt", r."lastMessageSentAt",
      r.properties, ${associationsReadAt ?? null}::timestamptz, now()
    FROM jsonb_to_recordset(${JSON.stringify(unique)}::jsonb) AS r(id text, subject text, content text, "pipelineId" text, "stageId" text,
      priority text, category text, "sourceType" text, "ownerId" text, "threadId" text, "hsCreatedAt" timestamptz,
      "hsLastModifiedAt" timestamptz, "closedAt" timestamptz, "firstAgentMessageAt" timestamptz, "lastMessageReceivedAt" timestamptz,
      "lastMessageSentAt" timestamptz, properties jsonb)
    ON CONFLICT (id) DO UPDATE SET
      subject = EXCLUDED.subject, content = EXCLUDED.content, pipeline_id = EXCLUDED.pipeline_id, stage_id = EXCLUDED.stage_id,
      priority = EXCLUDED.priority, category = EXCLUDED.category, source_type = EXCLUDED.source_type, owner_id = EXCLUDED.owner_id,
      thread_id = EXCLUDED.thread_id, hs_created_at = EXCLUDED.hs_created_at, hs_last_modified_at = EXCLUDED.hs_last_modified_at,
      closed_at = EXCLUDED.closed_at, first_agent_message_at = EXCLUDED.first_agent_message_at,
      last_message_received_at = EXCLUDED.last_message_received_at, last_message_sent_at = EXCLUDED.last_message_sent_at,
      properties = EXCLUDED.properties, updated_at = now(),
      archived_at = CASE WHEN EXCLUDED.hs_last_modified_at <= tickets.archived_at THEN tickets.archived_at END,
      merged_into_id = CASE WHEN EXCLUDED.hs_last_modified_at <= tickets.archived_at THEN tickets.merged_into_id END
    WHERE tickets.hs_last_modified_at < EXCLUDED.hs_last_modified_at
    RETURNING id`;
  return changed.map((row) => row.id);
}

/**
 * Replaces the associations of tickets with a copy read at `readAt`, unless a later read already
 * landed (association changes do not move hs_lastmodifieddate, so they are ordered by read time).
 * One statement: the eligible tickets, then their contact and company links made to match.
 */
export async function replaceTicketAssociations(db: Tx, associations: Map<string, TicketAssociations>, readAt: Date): Promise<void> {
  if (associations.size === 0) return;
  const ids = [...associations.keys()];
  const contacts = JSON.stringify([...associations].flatMap(([ticketId, a]) => a.contactIds.map((contactId) => ({ ticketId, contactId }))));
  const companies = JSON.stringify(
    [...associations].flatMap(([ticketId, a]) => a.companies.map((company) => ({ ticketId, companyId: company.id, isPrimary: company.primary }))),
  );
  // Data-modifying CTEs see one snapshot: a row stamped with `readAt` by the upsert before this
  // statement is eligible as it stands; an older stamp moves forward here.
  await db.$executeRaw`
    WITH moved AS (
      UPDATE tickets SET associations_synced_at = ${readAt}::timestamptz
      WHERE id = ANY(${ids}::text[]) AND (associations_synced_at IS NULL OR associations_synced_at < ${readAt}::timestamptz)
      RETURNING id
    ), eligible AS (
      SELECT id FROM moved
      UNION SELECT id FROM tickets WHERE id = ANY(${ids}::text[]) AND associations_synced_at = ${readAt}::timestamptz
    ), new_contacts AS (
      SELECT n."ticketId", n."contactId" FROM jsonb_to_recordset(${contacts}::jsonb) AS n("ticketId" text, "contactId" text)
      WHERE n."ticketId" IN (SELECT id FROM eligible)
    ), new_companies AS (
      SELECT n."ticketId", n."companyId", n."isPrimary"
      FROM jsonb_to_recordset(${companies}::jsonb) AS n("ticketId" text, "companyId" text, "isPrimary" boolean)
      WHERE n."ticketId" IN (SELECT id FROM eligible)
    ), dropped_contacts AS (
      DELETE FROM ticket_contacts t WHERE t.ticket_id IN (SELECT id FROM eligible)
        AND NOT EXISTS (SELECT 1 FROM new_contacts n WHERE n."ticketId" = t.ticket_id AND n."contactId" = t.contact_id)
    ), added_contacts AS (
      INSERT INTO ticket_contacts (ticket_id, contact_id, updated_at)
      SELECT "ticketId", "contactId", now() FROM new_contacts
      ON CONFLICT DO NOTHING
    ), dropped_companies AS (
      DELETE FROM ticket_companies t WHERE t.ticket_id IN (SELECT id FROM eligible)
        AND NOT EXISTS (SELECT 1 FROM new_companies n WHERE n."ticketId" = t.ticket_id AND n."companyId" = t.company_id)
    )
    INSERT INTO ticket_companies (ticket_id, company_id, is_primary, updated_at)
    SELECT "ticketId", "companyId", "isPrimary", now() FROM new_companies
    ON CONFLICT (ticket_id, company_id) DO UPDATE SET is_primary = EXCLUDED.is_primary, updated_at = now()
    WHERE ticket_companies.is_primary <> EXCLUDED.is_primary`;
}

export interface WriteOptions {
  /** False: mark the tickets touched for the tickets-rederive job instead of deriving them now. */
  derive?: boolean;
}

/** Marks tickets for the tickets-rederive job (a no-op for tickets never derived). */
async function markForDerivation(db: Db | Tx, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.$executeRaw`UPDATE tickets SET derived_version = 0 WHERE id = ANY(${ids}::text[]) AND derived_version <> 0`;
}

/** Tickets with associations in one transaction, with anything else that must commit alongside (a cursor). */
export async function storeTickets(
  db: Db,
  tickets: { row: TicketRow; associations?: TicketAssociations }[],
  readAt: Date,
  alongside?: (tx: Tx) => Promise<unknown>,
  options: WriteOptions = {},
): Promise<number> {
  const withAssociations = new Map<string, TicketAssociations>();
  for (const ticket of tickets) if (ticket.associations) withAssociations.set(ticket.row.id, ticket.associations);
  return db.$transaction(async (tx) => {
    const changed = await upsertTickets(tx, tickets.map((ticket) => ticket.row), withAssociations.size === tickets.length ? readAt : undefined);
    await replaceTicketAssociations(tx, withAssociations, readAt);
    const ids = tickets.map((ticket) => ticket.row.id);
    if (options.derive === false) await markForDerivation(tx, ids);
    else await deriveTickets(tx, ids);
    await alongside?.(tx);
    return changed.length;
  });
}

export async function upsertContacts(db: Db | Tx, rows: ContactRow[], options: WriteOptions = {}): Promise<number> {
  const unique = newestById(rows);
  if (unique.length === 0) return 0;
  const changed = await db.$executeRaw`
    INSERT INTO contacts (id, email, first_name, last_name, hs_last_modified_at, properties, updated_at)
    SELECT r.id, r.email, r."firstName", r."lastName", r."hsLastModifiedAt", r.properties, now()
    FROM jsonb_to_recordset(${JSON.stringify(unique)}::jsonb)
      AS r(id text, email text, "firstName" text, "lastName" text, "hsLastModifiedAt" timestamptz, properties jsonb)
    ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
      hs_last_modified_at = EXCLUDED.hs_last_modified_at, properties = EXCLUDED.properties, archived_at = NULL, updated_at = now()
    WHERE contacts.hs_last_modified_at < EXCLUDED.hs_last_modified_at`;
  if (changed === 0) return 0;
  const ids = unique.map((row) => row.id);
  if (options.derive === false) await markForDerivation(db, await linkedTickets(db, "ticket_contacts", ids));
  else await deriveTicketsOfContacts(db, ids);
  return changed;
}

export async function upsertCompanies(db: Db | Tx, rows: CompanyRow[], options: WriteOptions = {}): Promise<number> {
  const unique = newestById(rows);
  if (unique.length === 0) return 0;
  const changed = await db.$executeRaw`
    INSERT INTO companies (id, name, domain, hs_last_modified_at, properties, updated_at)
    SELECT r.id, r.name, r.domain, r."hsLastModifiedAt", r.properties, now()
    FROM jsonb_to_recordset(${JSON.stringify(unique)}::jsonb)
      AS r(id text, name text, domain text, "hsLastModifiedAt" timestamptz, properties jsonb)
    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, domain = EXCLUDED.domain,
      hs_last_modified_at = EXCLUDED.hs_last_modified_at, properties = EXCLUDED.properties, archived_at = NULL, updated_at = now()
    WHERE companies.hs_last_modified_at < EXCLUDED.hs_last_modified_at`;
  if (changed === 0) return 0;
  const ids = unique.map((row) => row.id);
  if (options.derive === false) await markForDerivation(db, await linkedTickets(db, "ticket_companies", ids));
  else await deriveTicketsOfCompanies(db, ids);
  return changed;
}

/** Tickets already derived that are linked to these contacts or companies. */
async function linkedTickets(db: Db | Tx, links: "ticket_contacts" | "ticket_companies", ids: string[]): Promise<string[]> {
  const column = Prisma.raw(links === "ticket_contacts" ? "contact_id" : "company_id");
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT l.ticket_id AS id FROM ${Prisma.raw(links)} l JOIN tickets t ON t.id = l.ticket_id
    WHERE l.${column} = ANY(${ids}::text[]) AND t.derived_version <> 0`;
  return rows.map((row) => row.id);
}

/**
 * Marks tickets deleted (or merged into another) as of `at`, unless the stored copy is newer than
 * that, which means the ticket came back after the deletion. Returns the rows changed.
 */
export async function archiveTickets(db: Db | Tx, ids: string[], at: Date, mergedIntoId: string | null = null): Promise<number> {
  if (ids.length === 0) return 0;
  const changed = await db.$executeRaw`
    UPDATE tickets SET archived_at = ${at}::timestamptz, merged_into_id = COALESCE(${mergedIntoId}, merged_into_id), updated_at = now()
    WHERE id = ANY(${ids}::text[]) AND hs_last_modified_at <= ${at}::timestamptz
      AND (archived_at IS NULL OR (${mergedIntoId}::text IS NOT NULL AND merged_into_id IS DISTINCT FROM ${mergedIntoId}))`;
  if (changed > 0) await deriveTickets(db, ids);
  return changed;
}

export async function replacePipelines(db: Db, pipelines: ReturnType<typeof pipelineRows>): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const pipeline of pipelines) {
      const { stages, ...fields } = pipeline;
      await tx.pipeline.upsert({ where: { id: pipeline.id }, create: fields, update: fields });
      for (const stage of stages) {
        const data = { label: stage.label, displayOrder: stage.displayOrder, archived: stage.archived, ticketState: stage.ticketState };
        await tx.pipelineStage.upsert({
          where: { pipelineId_id: { pipelineId: pipeline.id, id: stage.id } },
          create: { pipelineId: pipeline.id, id: stage.id, ...data },
          update: data,
        });
      }
      await tx.pipelineStage.updateMany({ where: { pipelineId: pipeline.id, id: { notIn: stages.map((stage) => stage.id) } }, data: { archived: true } });
    }
    await tx.pipeline.updateMany({ where: { id: { notIn: pipelines.map((pipeline) => pipeline.id) } }, data: { archived: true } });
  });
}

export async function replaceOwners(db: Db, owners: ReturnType<typeof ownerRow>[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const owner of owners) await tx.owner.upsert({ where: { id: owner.id }, create: owner, update: owner });
    await tx.owner.updateMany({ where: { id: { notIn: owners.map((owner) => owner.id) } }, data: { archived: true } });
  });
}

export async function storeThread(
  db: Db,
  thread: ReturnType<typeof threadRow>,
  messages: ReturnType<typeof messageRow>[],
  readAt: Date,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const fields = { ...thread, messagesSyncedAt: readAt };
    await tx.conversationThread.upsert({ where: { id: thread.id }, create: fields, update: fields });
    const { count } = await tx.conversationMessage.createMany({
      data: messages.map((message) => ({ ...message, senders: message.senders as object[], recipients: message.recipients as object[] })),
      skipDuplicates: true,
    });
    await deriveTicketsOfThreads(tx, [thread.id]);
    return count;
  });
}
