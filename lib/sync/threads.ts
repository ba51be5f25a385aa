import { HubSpotError } from "@/lib/integrations/hubspot/errors";
import { messageRow, threadRow } from "@/lib/integrations/hubspot/mappers";
import type { HubSpotMessage } from "@/lib/integrations/hubspot/schema";
import type { SyncDeps } from "@/lib/sync/deps";
import { forEachConcurrently } from "@/lib/sync/pool";
import { storeThread } from "@/lib/sync/store";

// Conversation threads and their messages: the ticket timeline, and how first responses are
// detected. Each costs a request or two, so only open tickets are read up front; the others when
// someone opens the ticket, and any thread again when HubSpot says it has a new message.

/** Reads a thread and all its messages; returns the messages stored for the first time. */
export async function syncThread(deps: SyncDeps, threadId: string, ticketId: string | null = null): Promise<number> {
  const { db, hubspot, clock } = deps;
  const readAt = new Date(clock.now());
  const thread = await hubspot.thread(threadId);
  const messages: HubSpotMessage[] = [];
  let after: string | undefined;
  do {
    const page = await hubspot.threadMessages(threadId, after);
    messages.push(...page.results);
    after = page.nextAfter;
  } while (after);
  return storeThread(db, threadRow(thread, ticketId), messages.map((message) => messageRow(thread.id, message)), readAt);
}

/** The thread of one ticket, if it has one; a thread HubSpot no longer has is not an error. */
export async function syncTicketThread(deps: SyncDeps, ticketId: string): Promise<number> {
  const ticket = await deps.db.ticket.findUnique({ where: { id: ticketId }, select: { threadId: true } });
  if (!ticket?.threadId) return 0;
  try {
    return await syncThread(deps, ticket.threadId, ticketId);
  } catch (error) {
    if (error instanceof HubSpotError && error.code === "NOT_FOUND") return 0;
    throw error;
  }
}

/** Threads of open tickets whose messages have never been read. */
export async function syncOpenTicketThreads(
  deps: SyncDeps,
  options: { concurrency?: number; shouldStop?: () => boolean } = {},
): Promise<{ threads: number; messages: number }> {
  const open = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM tickets t
    JOIN pipeline_stages s ON s.pipeline_id = t.pipeline_id AND s.id = t.stage_id AND s.ticket_state = 'OPEN'
    LEFT JOIN conversation_threads c ON c.id = t.thread_id
    WHERE t.archived_at IS NULL AND t.thread_id IS NOT NULL AND c.messages_synced_at IS NULL
    ORDER BY t.hs_last_modified_at DESC`;
  const totals = { threads: 0, messages: 0 };
  await forEachConcurrently(open, options.concurrency ?? 4, async ({ id }) => {
    if (options.shouldStop?.()) return;
    totals.messages += await syncTicketThread(deps, id);
    totals.threads++;
  });
  return totals;
}
