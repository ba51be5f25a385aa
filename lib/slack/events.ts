import type { HubSpotWrite, Prisma, SlackChannel, WebhookEvent } from "@/lib/generated/prisma/client";
import { messageEventSchema, type EventEnvelope } from "@/lib/integrations/slack/schema";
import { mentionedUsers, mrkdwnToPlain, truncate } from "@/lib/integrations/slack/text";
import type { WriteIntent } from "@/lib/outbox/enqueue";
import { MAX_TEXT } from "@/lib/outbox/payload";
import { slackChannel } from "@/lib/slack/channel";
import type { SlackDeps } from "@/lib/slack/deps";
import { slackUser, teamMember } from "@/lib/slack/people";

// Slack's Events API: the route stores each event once (unique per event_id, so Slack's retries
// store nothing new) and queues the worker, which turns a team member's comment in a ticket's
// thread into an internal HubSpot note through the outbox (lib/outbox: exactly-once delivery,
// keyed by the Slack message, so even a message seen twice makes one note). Everything else is
// recorded as seen and left alone: the app's own posts and other bots, edits and deletions,
// messages outside a ticket's thread, people outside the team.

type Db = SlackDeps["db"];
type Tx = Prisma.TransactionClient;
type CallbackEnvelope = Extract<EventEnvelope, { type: "event_callback" }>;

const MAX_ATTEMPTS = 10;

/** Stores an event (once) and, in the same transaction, queues its processing. Returns whether it was new. */
export async function recordSlackEvent(db: Db, envelope: CallbackEnvelope, enqueue: (tx: Tx) => Promise<unknown>): Promise<boolean> {
  const inner = envelope.event as { type: string; subtype?: unknown; channel?: unknown; ts?: unknown };
  return db.$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.createMany({
      data: [
        {
          source: "SLACK",
          eventId: envelope.event_id,
          type: typeof inner.subtype === "string" ? `${inner.type}.${inner.subtype}` : inner.type,
          objectId: typeof inner.channel === "string" && typeof inner.ts === "string" ? `${inner.channel}/${inner.ts}` : null,
          occurredAt: new Date(envelope.event_time * 1000),
          payload: envelope as Prisma.InputJsonObject,
        },
      ],
      skipDuplicates: true,
    });
    if (count > 0) await enqueue(tx);
    return count > 0;
  });
}

export interface SlackEventDeps extends SlackDeps {
  /** The outbox's front door (lib/outbox/enqueue.ts enqueueWrite, bound to the queue). */
  enqueueWrite(intent: WriteIntent): Promise<{ write: HubSpotWrite; created: boolean }>;
}

export interface ApplyEventsResult {
  processed: number;
  notes: number;
  failed: number;
}

/** Processes every stored Slack event not processed yet, oldest first. */
export async function applySlackEvents(deps: SlackEventDeps, options: { shouldStop?: () => boolean } = {}): Promise<ApplyEventsResult> {
  const { db, clock } = deps;
  const channel = await slackChannel(deps);
  const result: ApplyEventsResult = { processed: 0, notes: 0, failed: 0 };
  let firstError: unknown;
  // Keyset paging, so that an event that failed is not met again in this run.
  let after: Pick<WebhookEvent, "receivedAt" | "id"> | null = null;
  for (;;) {
    if (options.shouldStop?.()) break;
    const events: WebhookEvent[] = await db.webhookEvent.findMany({
      where: {
        source: "SLACK",
        processedAt: null,
        ...(after ? { OR: [{ receivedAt: { gt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: 100,
    });
    if (events.length === 0) break;
    after = events.at(-1)!;
    for (const event of events) {
      try {
        const outcome = await applyEvent(deps, channel, event.payload as unknown as CallbackEnvelope);
        if (outcome === "note") result.notes += 1;
        await db.webhookEvent.update({ where: { id: event.id }, data: { processedAt: new Date(clock.now()), attempts: { increment: 1 }, error: outcome === "note" ? null : outcome } });
        result.processed += 1;
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const attempts = event.attempts + 1;
        // One that keeps failing stops being retried; the sync screen lists it with the reason.
        await db.webhookEvent.update({
          where: { id: event.id },
          data: { attempts, error: reason, ...(attempts >= MAX_ATTEMPTS ? { processedAt: new Date(clock.now()) } : {}) },
        });
        result.failed += 1;
        firstError ??= error;
        deps.log?.(`event ${event.eventId}: ${reason}`);
      }
    }
  }
  if (firstError) throw firstError;
  return result;
}

/** "note" when a note was queued; otherwise why the event needs nothing (kept in WebhookEvent.error). */
async function applyEvent(deps: SlackEventDeps, channel: SlackChannel, envelope: CallbackEnvelope): Promise<string> {
  const parsed = messageEventSchema.safeParse(envelope.event);
  if (!parsed.success) return `ignored: ${envelope.event.type} event`;
  const event = parsed.data;
  if (event.channel !== channel.id) return "ignored: another channel";
  // The app's own posts come with its bot_id and no subtype; other apps' too.
  if (event.bot_id || event.user === channel.botUserId) return "ignored: a bot's message";
  // A reply also sent to the channel is still a comment; edits, deletions and the rest are not.
  if (event.subtype && event.subtype !== "thread_broadcast") return `ignored: ${event.subtype}`;
  if (!event.user || !event.thread_ts || event.thread_ts === event.ts) return "ignored: not a reply in a thread";

  const parent = await deps.db.slackMessage.findUnique({ where: { channelId_ts: { channelId: channel.id, ts: event.thread_ts } } });
  if (parent?.kind !== "TICKET" || !parent.ticketId) return "ignored: not a ticket's thread";
  const ticket = await deps.db.ticket.findUnique({ where: { id: parent.ticketId }, select: { archivedAt: true } });
  if (!ticket || ticket.archivedAt) return "ignored: the ticket was deleted in HubSpot";
  const check = await teamMember(deps, event.user);
  if (!check.member) return `ignored: ${check.reason}`;

  const names = new Map<string, string>();
  for (const id of mentionedUsers(event.text ?? "")) names.set(id, (await slackUser(deps, id).catch(() => null))?.name ?? id);
  const text = mrkdwnToPlain(event.text ?? "", (id) => names.get(id)).trim();
  if (!text) return "ignored: no text";

  const { member } = check;
  const prefix = `From Slack — ${member.name}: `;
  await deps.enqueueWrite({
    kind: "NOTE",
    ticketId: parent.ticketId,
    payload: { text: `${prefix}${truncate(text, MAX_TEXT - prefix.length)}`, ownerId: member.ownerId },
    author: { id: member.userId, name: member.name },
    // The Slack message, not the event: whatever delivers it again, it is one note.
    idempotencyKey: `slack:${channel.id}:${event.ts}`,
  });
  return "note";
}
