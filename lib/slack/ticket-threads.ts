import type { SlackChannel, SlackMessage } from "@/lib/generated/prisma/client";
import { contentHash, customerMessage, ticketMessage, type TicketSummary } from "@/lib/integrations/slack/messages";
import { slackChannel } from "@/lib/slack/channel";
import type { SlackDeps } from "@/lib/slack/deps";
import { postOnce } from "@/lib/slack/post-once";
import { loadTicketSummaries } from "@/lib/slack/ticket-summary";

// Tickets in #support-tickets: one message per ticket, each customer message in its thread, and
// the ticket's message edited when what it shows changes (status, owner, tier, SLA state).
//
// Level-triggered: each run compares Postgres with what is recorded as posted and does what is
// missing, so it does not matter which sync change queued it, or whether a run was lost; a run
// repeated finds nothing to do. Runs are serialised (one queue, one job at a time) and a ticket's
// posts go out one after another, parent first, then its customer messages oldest first: the
// thread is always in order, whatever Slack's rate limit does to the timing.
//
// What counts as news: tickets created after the integration started (SlackChannel.startedAt),
// and customer messages sent after it, also on older tickets (whose message is posted then). The
// initial backfill of history therefore posts nothing.

const BATCH = 100;

export interface SlackSyncResult {
  tickets: number;
  posted: number;
  edited: number;
  failed: number;
}

interface PendingMessage {
  id: string;
  text: string | null;
  senderName: string | null;
  senderEmail: string | null;
  channelId: string | null;
  sentAt: Date;
}

export async function syncTicketsToSlack(deps: SlackDeps, options: { shouldStop?: () => boolean } = {}): Promise<SlackSyncResult> {
  const channel = await slackChannel(deps);
  const result: SlackSyncResult = { tickets: 0, posted: 0, edited: 0, failed: 0 };
  let firstError: unknown;
  const done = new Set<string>();
  for (;;) {
    // Taken before reading the tickets: a change that lands meanwhile is newer than the check.
    const checkedAt = new Date(deps.clock.now());
    const ids = await ticketsNeedingSlack(deps, channel, checkedAt, [...done]);
    if (ids.length === 0 || options.shouldStop?.()) break;
    const summaries = await loadTicketSummaries(deps.db, deps.settings, ids, checkedAt);
    for (const id of ids) {
      if (options.shouldStop?.()) break;
      done.add(id);
      const summary = summaries.get(id);
      if (!summary) continue;
      try {
        const outcome = await syncTicket(deps, channel, summary, checkedAt);
        result.tickets += 1;
        result.posted += outcome.posted;
        result.edited += outcome.edited ? 1 : 0;
      } catch (error) {
        // One ticket's failure (its later posts wait, to stay in order) does not hold up the others.
        result.failed += 1;
        firstError ??= error;
        deps.log?.(`ticket ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (firstError) throw firstError;
  return result;
}

/**
 * Tickets with something to do (other than those this run already did), the oldest news first:
 * a message never posted, a customer message not in the thread yet, or a posted message that may
 * be out of date (the ticket changed, or its SLA state moved on, since its message was checked).
 */
async function ticketsNeedingSlack({ db }: SlackDeps, channel: SlackChannel, now: Date, skip: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH candidates AS (
      SELECT t.id, t.hs_created_at AS at
      FROM tickets t
      WHERE t.hs_created_at >= ${channel.startedAt}::timestamptz AND t.archived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM slack_messages p WHERE p.key = 'ticket:' || t.id AND p.ts IS NOT NULL)
      UNION ALL
      SELECT t.id, m.sent_at AS at
      FROM conversation_messages m
      JOIN tickets t ON t.thread_id = m.thread_id
      WHERE m.type = 'MESSAGE' AND m.direction = 'INCOMING' AND m.sent_at >= ${channel.startedAt}::timestamptz AND t.archived_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM slack_messages s WHERE s.hubspot_message_id = m.id AND s.ts IS NOT NULL)
        AND m.id <> (SELECT o.id FROM conversation_messages o
                     WHERE o.thread_id = m.thread_id AND o.type = 'MESSAGE' AND o.direction = 'INCOMING'
                     ORDER BY o.sent_at, o.id LIMIT 1)
      UNION ALL
      SELECT t.id, COALESCE(t.hs_created_at, p.posted_at) AS at
      FROM slack_messages p
      JOIN tickets t ON t.id = p.ticket_id
      WHERE p.kind = 'TICKET' AND p.ts IS NOT NULL
        AND (p.content_hash IS NULL OR p.permalink IS NULL OR p.checked_at IS NULL OR t.updated_at > p.checked_at
          -- the SLA state moved on by itself (due soon, breached) since the message was checked
          OR (t.sla_due_soon_at > p.checked_at AND t.sla_due_soon_at <= ${now}::timestamptz)
          OR (t.sla_breach_at > p.checked_at AND t.sla_breach_at <= ${now}::timestamptz))
    )
    SELECT id FROM candidates WHERE id <> ALL(${skip}::text[]) GROUP BY id ORDER BY min(at), id LIMIT ${BATCH}`;
  return rows.map((row) => row.id);
}

async function syncTicket(deps: SlackDeps, channel: SlackChannel, summary: TicketSummary, checkedAt: Date): Promise<{ posted: number; edited: boolean }> {
  const { db, slack, clock } = deps;
  const content = ticketMessage(summary);
  const hash = contentHash(content);
  let posted = 0;
  let parent: SlackMessage | null = await db.slackMessage.findUnique({ where: { key: `ticket:${summary.id}` } });
  if (!parent?.ts) {
    parent = await postOnce(deps, { key: `ticket:${summary.id}`, kind: "TICKET", ticketId: summary.id, channelId: channel.id, content, contentHash: hash });
    posted += 1;
  }
  const parentTs = parent.ts!;

  for (const message of await pendingCustomerMessages(deps, summary.id, channel.startedAt)) {
    await postOnce(deps, {
      key: `message:${message.id}`,
      kind: "CUSTOMER_MESSAGE",
      ticketId: summary.id,
      hubspotMessageId: message.id,
      channelId: parent.channelId,
      threadTs: parentTs,
      content: customerMessage({ from: message.senderName ?? message.senderEmail, text: message.text ?? "", sentAt: message.sentAt, viaChat: message.channelId === "1000" }, summary),
    });
    posted += 1;
  }

  const edited = parent.contentHash !== hash;
  if (edited) await slack.updateMessage({ channel: parent.channelId, ts: parentTs, content });
  const permalink = parent.permalink ?? (await slack.permalink(parent.channelId, parentTs));
  await db.slackMessage.update({
    where: { id: parent.id },
    data: { contentHash: hash, permalink, checkedAt, ...(edited ? { editedAt: new Date(clock.now()) } : {}) },
  });
  return { posted, edited };
}

/** The ticket's customer messages since the start that are not in its thread yet, oldest first. */
async function pendingCustomerMessages({ db }: SlackDeps, ticketId: string, since: Date): Promise<PendingMessage[]> {
  return db.$queryRaw<PendingMessage[]>`
    SELECT m.id, m.text, m.sender_name AS "senderName", m.sender_email AS "senderEmail", m.channel_id AS "channelId", m.sent_at AS "sentAt"
    FROM tickets t
    JOIN conversation_messages m ON m.thread_id = t.thread_id
    WHERE t.id = ${ticketId} AND m.type = 'MESSAGE' AND m.direction = 'INCOMING' AND m.sent_at >= ${since}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM slack_messages s WHERE s.hubspot_message_id = m.id AND s.ts IS NOT NULL)
      AND m.id <> (SELECT o.id FROM conversation_messages o
                   WHERE o.thread_id = m.thread_id AND o.type = 'MESSAGE' AND o.direction = 'INCOMING'
                   ORDER BY o.sent_at, o.id LIMIT 1)
    ORDER BY m.sent_at, m.id`;
}
