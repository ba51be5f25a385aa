import type { CrmObjectType } from "@/lib/integrations/hubspot/client";
import { companyRow, contactRow, hubspotDate, lastModified } from "@/lib/integrations/hubspot/mappers";
import { MODIFIED_PROPERTY, PROPERTIES } from "@/lib/integrations/hubspot/properties";
import type { CrmObject } from "@/lib/integrations/hubspot/schema";
import type { SyncDeps } from "@/lib/sync/deps";
import { readState, STATE, writeState } from "@/lib/sync/state";
import { archiveTickets, upsertCompanies, upsertContacts } from "@/lib/sync/store";
import { storeTicketsAndAssociations } from "@/lib/sync/tickets";

// Reconciliation: whatever webhooks missed, the search API finds, sorted by last-modified time.
//
// The watermark is a pair (at, id): every record modified before `at` is stored, and of those
// modified exactly at `at`, every one with an id up to `id` (id null: all of them). Each page is
// a fresh query "modified after at", first page only, so no query ever pages towards the 10,000
// result cap and records that change mid-scan are simply met again later. HubSpot does not say
// how it orders records that share a timestamp, so after a page the watermark moves only to the
// newest timestamp it saw *before* the page's last one. When a whole page shares one timestamp
// (a bulk update, or 25,000 tickets imported at once) that block is drained on its own, by id:
// "modified EQ at AND id GT last", sorted by id, which pages by keyset and cannot loop or stall.
//
// The search index lags behind writes by a few moments, so the saved watermark never passes
// now − overlap: the last minutes are read again on the next run, and nothing indexed late is lost.

const PAGE = 200;
export const DEFAULT_OVERLAP_MS = 2 * 60_000;

export interface ReconcileOptions {
  overlapMs?: number;
  shouldStop?: () => boolean;
  /** Smaller pages, for tests of the paging logic. */
  pageSize?: number;
}

export interface ReconcileResult {
  seen: number;
  changed: number;
  searches: number;
  /** False when there was no watermark yet (no backfill has completed) or it was stopped. */
  caughtUp: boolean;
}

interface Watermark {
  at: number;
  /** Null: the block at `at` is fully stored; otherwise stored up to this id. */
  id: string | null;
}

export async function reconcileType(deps: SyncDeps, type: CrmObjectType, options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const { db, hubspot, clock } = deps;
  const key = STATE.reconcile[type];
  const result: ReconcileResult = { seen: 0, changed: 0, searches: 0, caughtUp: false };
  const state = await readState(db, key);
  if (!state?.watermarkAt) return result;
  const pageSize = options.pageSize ?? PAGE;
  const overlapMs = options.overlapMs ?? DEFAULT_OVERLAP_MS;
  const modified = MODIFIED_PROPERTY[type];
  let mark: Watermark = { at: state.watermarkAt.getTime(), id: state.watermarkId };

  const save = async (next: Watermark) => {
    mark = next;
    // Never past now − overlap: writes the search index shows late are met on the next run.
    const cap = clock.now() - overlapMs;
    const saved = next.at > cap ? { at: cap, id: null } : next;
    await writeState(db, key, { watermarkAt: new Date(saved.at), watermarkId: saved.id, lastSuccessAt: new Date(clock.now()) });
  };

  for (;;) {
    if (options.shouldStop?.()) return result;
    if (mark.id !== null) {
      const page = await hubspot.searchObjects(type, {
        filterGroups: [
          {
            filters: [
              { propertyName: modified, operator: "EQ", value: String(mark.at) },
              { propertyName: "hs_object_id", operator: "GT", value: mark.id },
            ],
          },
        ],
        sort: "hs_object_id",
        properties: [...PROPERTIES[type]],
        limit: pageSize,
      });
      result.searches++;
      await apply(deps, type, page.results, result);
      const last = page.results.at(-1);
      await save({ at: mark.at, id: page.paging?.next && last ? last.id : null });
      continue;
    }
    const page = await hubspot.searchObjects(type, {
      filterGroups: [{ filters: [{ propertyName: modified, operator: "GT", value: String(mark.at) }] }],
      sort: modified,
      properties: [...PROPERTIES[type]],
      limit: pageSize,
    });
    result.searches++;
    await apply(deps, type, page.results, result);
    const times = page.results.map((record) => lastModified(type, record).getTime());
    if (!page.paging?.next) {
      // Everything modified after the watermark has been read.
      await save({ at: Math.max(mark.at, ...times), id: null });
      result.caughtUp = true;
      return result;
    }
    const newest = Math.max(...times);
    const before = Math.max(...times.filter((t) => t < newest));
    // Records at the page's newest timestamp may go on into the next page, in an order HubSpot
    // does not define: stop short of them, or drain them by id when the page holds nothing else.
    await save(Number.isFinite(before) && before > mark.at ? { at: before, id: null } : { at: newest, id: "0" });
  }
}

async function apply(deps: SyncDeps, type: CrmObjectType, records: CrmObject[], result: ReconcileResult): Promise<void> {
  result.seen += records.length;
  if (records.length === 0) return;
  if (type === "tickets") result.changed += (await storeTicketsAndAssociations(deps, records)).length;
  else if (type === "contacts") result.changed += await upsertContacts(deps.db, records.map(contactRow));
  else result.changed += await upsertCompanies(deps.db, records.map(companyRow));
}

/**
 * Deleted tickets, which search cannot show: HubSpot lists them (for 90 days) with archived=true.
 * Pages through all of them, so it runs less often than the modified-date reconciliation.
 */
export async function sweepDeletedTickets(deps: SyncDeps, options: { shouldStop?: () => boolean } = {}): Promise<{ seen: number; changed: number }> {
  const { db, hubspot, clock } = deps;
  const result = { seen: 0, changed: 0 };
  let after: string | undefined;
  do {
    if (options.shouldStop?.()) return result;
    const page = await hubspot.listTickets({ after, properties: ["hs_lastmodifieddate"], archived: true });
    result.seen += page.results.length;
    for (const record of page.results) {
      const at = (record.archivedAt instanceof Date ? record.archivedAt : hubspotDate(record.archivedAt ?? null)) ?? new Date(clock.now());
      result.changed += await archiveTickets(db, [record.id], at);
    }
    after = page.nextAfter;
  } while (after);
  await writeState(db, STATE.deletions, { lastSuccessAt: new Date(clock.now()) });
  return result;
}
