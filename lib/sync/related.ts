import { companyRow, contactRow } from "@/lib/integrations/hubspot/mappers";
import { PROPERTIES } from "@/lib/integrations/hubspot/properties";
import type { SyncDeps } from "@/lib/sync/deps";
import { chunk, forEachConcurrently } from "@/lib/sync/pool";
import { upsertCompanies, upsertContacts } from "@/lib/sync/store";

// Contacts and companies the tickets point at. Tickets arrive with association ids only; the
// records themselves come from a sweep during the backfill and from here: whatever a ticket
// references that Postgres does not hold yet is read in batches of 100.

const TABLES = {
  contacts: { links: "ticket_contacts", column: "contact_id" },
  companies: { links: "ticket_companies", column: "company_id" },
} as const;

export interface FillResult {
  seen: number;
  changed: number;
}

/** Reads every referenced contact or company that is missing; deleted ones are kept as tombstones. */
export async function fillMissingRelated(deps: SyncDeps, type: "contacts" | "companies", options: { concurrency?: number; shouldStop?: () => boolean; derive?: boolean; wholeBatchesOnly?: boolean } = {}): Promise<FillResult> {
  const { db, hubspot, clock } = deps;
  const { links, column } = TABLES[type];
  const result: FillResult = { seen: 0, changed: 0 };
  for (;;) {
    if (options.shouldStop?.()) return result;
    const missing = (
      await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT DISTINCT l.${column} AS id FROM ${links} l WHERE NOT EXISTS (SELECT 1 FROM ${type} r WHERE r.id = l.${column}) LIMIT 2000`,
      )
    ).map((row) => row.id);
    // wholeBatchesOnly: while tickets are still arriving, a part batch would waste a request.
    const wanted = options.wholeBatchesOnly ? missing.slice(0, missing.length - (missing.length % 100)) : missing;
    if (wanted.length === 0) return result;
    await forEachConcurrently(chunk(wanted, 100), options.concurrency ?? 4, async (ids) => {
      const { results, missing: gone } = await hubspot.batchRead(type, ids, [...PROPERTIES[type]]);
      result.seen += results.length;
      result.changed += type === "contacts" ? await upsertContacts(db, results.map(contactRow), options) : await upsertCompanies(db, results.map(companyRow), options);
      // A record HubSpot no longer has still gets a row, so it is not asked for again and again.
      const asked = new Set(ids);
      const unanswered = [...gone, ...ids.filter((id) => !results.some((r) => r.id === id) && !gone.includes(id))].filter((id) => asked.has(id));
      if (unanswered.length > 0) await storeTombstones(deps, type, [...new Set(unanswered)], new Date(clock.now()));
    });
  }
}

async function storeTombstones(deps: SyncDeps, type: "contacts" | "companies", ids: string[], at: Date): Promise<void> {
  const rows = ids.map((id) => ({ id, hsLastModifiedAt: new Date(0), archivedAt: at, properties: {} }));
  if (type === "contacts") await deps.db.contact.createMany({ data: rows, skipDuplicates: true });
  else await deps.db.company.createMany({ data: rows, skipDuplicates: true });
}
