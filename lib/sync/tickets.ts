import type { CrmObject } from "@/lib/integrations/hubspot/schema";
import { ticketRow, v4Associations, type TicketAssociations } from "@/lib/integrations/hubspot/mappers";
import type { SyncDeps } from "@/lib/sync/deps";
import { chunk } from "@/lib/sync/pool";
import { deriveTickets } from "@/lib/queue/derive";
import { replaceTicketAssociations, upsertTickets } from "@/lib/sync/store";

/**
 * Stores tickets read without their associations (search, batch read): the tickets first, then,
 * for those that were new or moved forward (and any in `alsoAssociate`), their current
 * associations from the v4 API. Returns the ids that changed.
 */
export async function storeTicketsAndAssociations(deps: SyncDeps, records: CrmObject[], alsoAssociate: string[] = []): Promise<string[]> {
  const { db, hubspot, clock } = deps;
  const changed = await upsertTickets(db, records.map(ticketRow));
  const ids = [...new Set([...changed, ...alsoAssociate])];
  for (const part of chunk(ids, 1000)) {
    const readAt = new Date(clock.now());
    const [contacts, companies] = await Promise.all([hubspot.ticketAssociations("contacts", part), hubspot.ticketAssociations("companies", part)]);
    const associations = new Map<string, TicketAssociations>(part.map((id) => [id, v4Associations(contacts.get(id), companies.get(id))]));
    await db.$transaction((tx) => replaceTicketAssociations(tx, associations, readAt));
    await deriveTickets(db, part);
  }
  return changed;
}
