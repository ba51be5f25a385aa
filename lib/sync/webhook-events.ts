import { HubSpotError } from "@/lib/integrations/hubspot/errors";
import { companyRow, contactRow } from "@/lib/integrations/hubspot/mappers";
import { COMPANY_PROPERTIES, CONTACT_PROPERTIES, TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import { webhookBatchSchema, type HubSpotWebhookEvent } from "@/lib/integrations/hubspot/schema";
import type { Db, SyncDeps, Tx } from "@/lib/sync/deps";
import { chunk, forEachConcurrently } from "@/lib/sync/pool";
import { fillMissingRelated } from "@/lib/sync/related";
import { describe } from "@/lib/sync/state";
import { archiveTickets, upsertCompanies, upsertContacts } from "@/lib/sync/store";
import { syncThread } from "@/lib/sync/threads";
import { storeTicketsAndAssociations } from "@/lib/sync/tickets";

// HubSpot webhook events: stored once each by the route, applied here by the worker.
//
// An event is a hint, not data: HubSpot does not promise order, repeats deliveries, and a
// propertyChange carries one value without the modified time that would order it. So applying
// events means reading the current records they name and storing those through the forward-only
// upserts; a batch delivered twice, or shuffled, ends in the same state.

const MAX_ATTEMPTS = 10;

/** Parses a webhook body; throws (zod) when it is not HubSpot's array of events. */
export function parseHubSpotEvents(rawBody: string): HubSpotWebhookEvent[] {
  return webhookBatchSchema.parse(JSON.parse(rawBody));
}

/**
 * Stores each event once (a redelivery is a no-op) and, in the same transaction, queues their
 * application, so an event is never stored without being scheduled. Returns the new events.
 */
export async function recordHubSpotEvents(db: Db, events: HubSpotWebhookEvent[], enqueue: (tx: Tx) => Promise<unknown>): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.createMany({
      data: events.map((event) => ({
        source: "HUBSPOT" as const,
        eventId: String(event.eventId),
        type: event.subscriptionType,
        objectId: String(event.objectId),
        occurredAt: new Date(event.occurredAt),
        payload: event as object,
      })),
      skipDuplicates: true,
    });
    if (count > 0) await enqueue(tx);
    return count;
  });
}

export interface ApplyResult {
  processed: number;
  tickets: number;
  threads: number;
}

/** Applies every unprocessed HubSpot event, oldest first, in batches. */
export async function applyHubSpotEvents(deps: SyncDeps, options: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<ApplyResult> {
  const { db, clock } = deps;
  const result: ApplyResult = { processed: 0, tickets: 0, threads: 0 };
  for (;;) {
    if (options.shouldStop?.()) return result;
    const events = await db.webhookEvent.findMany({
      where: { source: "HUBSPOT", processedAt: null },
      orderBy: { receivedAt: "asc" },
      take: options.batchSize ?? 500,
    });
    if (events.length === 0) return result;
    const ids = events.map((event) => event.id);
    try {
      const applied = await applyBatch(deps, events.map((event) => event.payload as unknown as HubSpotWebhookEvent));
      result.tickets += applied.tickets;
      result.threads += applied.threads;
    } catch (error) {
      const now = new Date(clock.now());
      await db.$transaction([
        db.webhookEvent.updateMany({ where: { id: { in: ids } }, data: { attempts: { increment: 1 }, error: describe(error) } }),
        // An event that keeps failing stops holding the others back; the screen lists it.
        db.webhookEvent.updateMany({ where: { id: { in: ids }, attempts: { gte: MAX_ATTEMPTS } }, data: { processedAt: now } }),
      ]);
      throw error;
    }
    await db.webhookEvent.updateMany({ where: { id: { in: ids } }, data: { processedAt: new Date(clock.now()), attempts: { increment: 1 }, error: null } });
    result.processed += events.length;
  }
}

async function applyBatch(deps: SyncDeps, events: HubSpotWebhookEvent[]): Promise<{ tickets: number; threads: number }> {
  const { db, hubspot, clock } = deps;
  const refresh = new Set<string>();
  const deleted = new Map<string, number>();
  const merges: { primary: string; merged: string[]; at: number }[] = [];
  const threads = new Set<string>();
  const contacts = new Set<string>();
  const companies = new Set<string>();

  for (const event of events) {
    const objectId = String(event.objectId);
    const [object] = event.subscriptionType.split(".");
    if (event.subscriptionType === "ticket.deletion") {
      deleted.set(objectId, Math.max(deleted.get(objectId) ?? 0, event.occurredAt));
    } else if (event.subscriptionType === "ticket.merge") {
      const primary = String(event.primaryObjectId ?? objectId);
      const merged = Array.isArray(event.mergedObjectIds) ? event.mergedObjectIds.map(String).filter((id) => id !== primary) : [];
      merges.push({ primary, merged, at: event.occurredAt });
      refresh.add(primary);
    } else if (object === "ticket") {
      refresh.add(objectId);
    } else if (object === "conversation") {
      threads.add(objectId);
    } else if (object === "contact") {
      contacts.add(objectId);
    } else if (object === "company") {
      companies.add(objectId);
    }
  }

  for (const [id, at] of deleted) await archiveTickets(db, [id], new Date(at));
  for (const merge of merges) await archiveTickets(db, merge.merged, new Date(merge.at), merge.primary);

  for (const ids of chunk([...refresh], 100)) {
    const { results, missing } = await hubspot.batchRead("tickets", ids, [...TICKET_PROPERTIES]);
    await storeTicketsAndAssociations(deps, results, results.map((record) => record.id));
    // Not found any more: deleted. Answered under another id: merged into that ticket.
    await archiveTickets(db, missing, new Date(clock.now()));
    const answered = new Set(results.map((record) => record.id));
    const mergedAway = ids.filter((id) => !answered.has(id) && !missing.includes(id));
    const newcomers = results.filter((record) => !ids.includes(record.id));
    await archiveTickets(db, mergedAway, new Date(clock.now()), newcomers.length === 1 ? newcomers[0]!.id : null);
  }
  for (const ids of chunk([...contacts], 100)) {
    await upsertContacts(db, (await hubspot.batchRead("contacts", ids, [...CONTACT_PROPERTIES])).results.map(contactRow));
  }
  for (const ids of chunk([...companies], 100)) {
    await upsertCompanies(db, (await hubspot.batchRead("companies", ids, [...COMPANY_PROPERTIES])).results.map(companyRow));
  }
  await forEachConcurrently(threads, 4, async (threadId) => {
    try {
      await syncThread(deps, threadId);
    } catch (error) {
      if (!(error instanceof HubSpotError && error.code === "NOT_FOUND")) throw error;
    }
  });
  await fillMissingRelated(deps, "companies");
  await fillMissingRelated(deps, "contacts");
  return { tickets: refresh.size + deleted.size, threads: threads.size };
}
