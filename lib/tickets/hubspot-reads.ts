import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { HubSpotClient } from "@/lib/integrations/hubspot/client";
import { hubspotDate, ticketRow } from "@/lib/integrations/hubspot/mappers";
import { TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import type { CrmObject } from "@/lib/integrations/hubspot/schema";
import { readTicket, ticketNotes } from "@/lib/integrations/hubspot/writes";
import { upsertTickets } from "@/lib/sync/store";

// Reads the ticket page needs beyond the sync engine's: a ticket's notes (HubSpot sends no webhook
// for them), and one ticket read again right after the app changed it.

interface Deps {
  db: PrismaClient;
  hubspot: HubSpotClient;
  clock: { now(): number };
}

/** Stores notes of a ticket; with `complete`, the ticket's notes are exactly these (others were deleted). */
export async function storeNotes(db: PrismaClient, ticketId: string, notes: CrmObject[], options: { complete?: Date } = {}): Promise<void> {
  const rows = notes.map((note) => {
    const notedAt = hubspotDate(note.properties.hs_timestamp) ?? hubspotDate(note.properties.hs_createdate) ?? new Date(0);
    const fields = {
      body: note.properties.hs_note_body ?? null,
      ownerId: note.properties.hubspot_owner_id || null,
      notedAt,
      hsLastModifiedAt: hubspotDate(note.properties.hs_lastmodifieddate) ?? notedAt,
    };
    return { id: note.id, fields };
  });
  await db.$transaction(async (tx) => {
    for (const { id, fields } of rows) {
      await tx.ticketNote.upsert({ where: { ticketId_id: { ticketId, id } }, create: { ticketId, id, ...fields }, update: fields });
    }
    if (options.complete) {
      await tx.ticketNote.deleteMany({ where: { ticketId, id: { notIn: rows.map((row) => row.id) } } });
      await tx.ticket.update({ where: { id: ticketId }, data: { notesSyncedAt: options.complete } });
    }
  });
}

/** Reads every note of the ticket from HubSpot. */
export async function syncTicketNotes(deps: Deps, ticketId: string): Promise<number> {
  const exists = await deps.db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
  if (!exists) return 0;
  const readAt = new Date(deps.clock.now());
  const notes = await ticketNotes(deps.hubspot, ticketId);
  await storeNotes(deps.db, ticketId, notes, { complete: readAt });
  return notes.length;
}

/** Reads the ticket again (after the app changed it, HubSpot changed stage, owner or message times). */
export async function refreshTicket(deps: Deps, ticketId: string): Promise<void> {
  const record = await readTicket(deps.hubspot, ticketId, TICKET_PROPERTIES);
  if (record) await upsertTickets(deps.db, [ticketRow(record)]);
}
