import type { Db, Tx } from "@/lib/sync/deps";
import type { CompanyRow, ContactRow, TicketAssociations, TicketRow } from "@/lib/integrations/hubspot/mappers";
import type { pipelineRows, ownerRow, threadRow, messageRow } from "@/lib/integrations/hubspot/mappers";
import { deriveTickets, deriveTicketsOfCompanies, deriveTicketsOfContacts, deriveTicketsOfThreads } from "@/lib/queue/derive";

// Writes of synced HubSpot data. Every upsert moves a row forward only: it lands when the copy's
// last-modified time is newer than the stored one, so an older or repeated copy changes nothing
// and the order in which copies arrive does not matter. Bulk statements (one per page of 100)
// keep a backfill from being bound by round trips to Postgres. After each write, the tier and SLA
// fields of the tickets it touches are derived again (lib/queue/derive.ts), in the same transaction
// where there is one.

/** The newest copy of each record (a batch may name a record twice, e.g. after a merge). */
function newestById<T extends { id: string; hsLastModifiedAt: Date }>(rows: T[]): T[] {
  const byId = new Map<string, T>();
  for (const row of rows) {
    const seen = byId.get(row.id);
    if (!seen || seen.hsLastModifiedAt < row.hsLastModifiedAt) byId.set(row.id, row);
  }
  return [...byId.values()];
}

/** Upserts tickets; returns the ids of the rows inserted or moved forward. */
export async function upsertTickets(db: Db | Tx, rows: TicketRow[]): Promise<string[]> {
  const unique = newestById(rows);
  if (unique.length === 0) return [];
  // A copy older than the deletion keeps a deleted ticket deleted; a newer one means it was restored.
  const changed = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO tickets (id, subject, content, pipeline_id, stage_id, priority, category, source_type, owner_id, thread_id,
      hs_created_at, hs_last_modified_at, closed_at, first_agent_message_at, last_message_received_at, last_message_sent_at,
      properties, updated_at)
    SELECT r.id, r.subject, r.content, r."pipelineId", r."stageId", r.priority, r.category, r."sourceType", r."ownerId", r."threadId",
      r."hsCreatedAt", r."hsLastModifiedAt", r."closedAt", r."firstAgentMessageAt", r."lastMessageReceivedAt", r."lastMessageSentAt",
      r.properties, now()
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
 */
export async function replaceTicketAssociations(db: Tx, associations: Map<string, TicketAssociations>, readAt: Date): Promise<void> {
  if (associations.size === 0) return;
  const ids = [...associations.keys()];
  const eligible = (
    await db.$queryRaw<{ id: string }[]>`
      UPDATE tickets SET associations_synced_at = ${readAt}::timestamptz
      WHERE id = ANY(${ids}::text[]) AND (associations_synced_at IS NULL OR associations_synced_at <= ${readAt}::timestamptz)
      RETURNING id`
  ).map((row) => row.id);
  if (eligible.length === 0) return;
  const contacts = eligible.flatMap((ticketId) => associations.get(ticketId)!.contactIds.map((contactId) => ({ ticketId, contactId })));
  const companies = eligible.flatMap((ticketId) =>
    associations.get(ticketId)!.companies.map((company) => ({ ticketId, companyId: company.id, isPrimary: company.primary })),
  );
  const contactsJson = JSON.stringify(contacts);
  const companiesJson = JSON.stringify(companies);
  await db.$executeRaw`
    DELETE FROM ticket_contacts t WHERE t.ticket_id = ANY(${eligible}::text[]) AND NOT EXISTS (
      SELECT 1 FROM jsonb_to_recordset(${contactsJson}::jsonb) AS n("ticketId" text, "contactId" text)
      WHERE n."ticketId" = t.ticket_id AND n."contactId" = t.contact_id)`;
  await db.$executeRaw`
    INSERT INTO ticket_contacts (ticket_id, contact_id, updated_at)
    SELECT n."ticketId", n."contactId", now() FROM jsonb_to_recordset(${contactsJson}::jsonb) AS n("ticketId" text, "contactId" text)
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    DELETE FROM ticket_companies t WHERE t.ticket_id = ANY(${eligible}::text[]) AND NOT EXISTS (
      SELECT 1 FROM jsonb_to_recordset(${companiesJson}::jsonb) AS n("ticketId" text, "companyId" text)
      WHERE n."ticketId" = t.ticket_id AND n."companyId" = t.company_id)`;
  await db.$executeRaw`
    INSERT INTO ticket_companies (ticket_id, company_id, is_primary, updated_at)
    SELECT n."ticketId", n."companyId", n."isPrimary", now()
    FROM jsonb_to_recordset(${companiesJson}::jsonb) AS n("ticketId" text, "companyId" text, "isPrimary" boolean)
    ON CONFLICT (ticket_id, company_id) DO UPDATE SET is_primary = EXCLUDED.is_primary, updated_at = now()
    WHERE ticket_companies.is_primary <> EXCLUDED.is_primary`;
}

/** Tickets with associations in one transaction, with anything else that must commit alongside (a cursor). */
export async function storeTickets(
  db: Db,
  tickets: { row: TicketRow; associations?: TicketAssociations }[],
  readAt: Date,
  alongside?: (tx: Tx) => Promise<unknown>,
): Promise<number> {
  const withAssociations = new Map<string, TicketAssociations>();
  for (const ticket of tickets) if (ticket.associations) withAssociations.set(ticket.row.id, ticket.associations);
  return db.$transaction(async (tx) => {
    const changed = await upsertTickets(tx, tickets.map((ticket) => ticket.row));
    await replaceTicketAssociations(tx, withAssociations, readAt);
    await deriveTickets(tx, tickets.map((ticket) => ticket.row.id));
    await alongside?.(tx);
    return changed.length;
  });
}

export async function upsertContacts(db: Db | Tx, rows: ContactRow[]): Promise<number> {
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
  if (changed > 0) await deriveTicketsOfContacts(db, unique.map((row) => row.id));
  return changed;
}

export async function upsertCompanies(db: Db | Tx, rows: CompanyRow[]): Promise<number> {
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
  if (changed > 0) await deriveTicketsOfCompanies(db, unique.map((row) => row.id));
  return changed;
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
