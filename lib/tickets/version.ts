import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A fingerprint of everything the ticket page shows that the worker or the sync can change:
 * the ticket row (synced and derived fields), its conversation, its notes and its writes. The
 * page polls it and re-renders only when it moves, instead of re-rendering on a timer.
 */
export async function ticketVersion(db: PrismaClient, ticketId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ version: string | null }[]>`
    SELECT concat_ws('|',
      t.updated_at, t.hs_last_modified_at, t.first_response_at, t.derived_version, t.notes_synced_at,
      (SELECT concat_ws(':', c.messages_synced_at, c.updated_at) FROM conversation_threads c WHERE c.id = t.thread_id),
      (SELECT concat_ws(':', count(*), max(m.updated_at)) FROM conversation_messages m WHERE m.thread_id = t.thread_id),
      (SELECT concat_ws(':', count(*), max(n.updated_at)) FROM ticket_notes n WHERE n.ticket_id = t.id),
      (SELECT concat_ws(':', count(*), max(w.updated_at)) FROM hubspot_writes w WHERE w.ticket_id = t.id)
    ) AS version
    FROM tickets t WHERE t.id = ${ticketId}`;
  return row?.version ?? null;
}
