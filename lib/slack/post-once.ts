import type { SlackMessage, SlackMessageKind } from "@/lib/generated/prisma/client";
import type { MessageContent } from "@/lib/integrations/slack/client";
import type { SlackDeps } from "@/lib/slack/deps";

// Posting a message exactly once, however often a job runs or dies half-way. The message is a row
// under a unique key before anything is sent (so two jobs cannot both post it), claimed for the
// attempt, and its Slack ts recorded after. The one unknown is an attempt that reached Slack but
// whose answer was lost (a timeout, a crash before the ts was stored): every message carries its
// key in Slack's message metadata, and an attempt after such an attempt first looks for it in
// the channel (or thread) before posting again.

/** The metadata event type on every message the app posts; its payload is { key }. */
export const POST_METADATA_TYPE = "support_desk_post";
/** A claim outlives one attempt, including the rate-limit waits inside it (client.ts). */
const LEASE_MS = 10 * 60_000;
/** Slack's clock and ours may disagree a little when looking for an earlier attempt. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface PostRequest {
  key: string;
  kind: SlackMessageKind;
  channelId: string;
  content: MessageContent;
  ticketId?: string | null;
  hubspotMessageId?: string | null;
  /** The parent's ts: post in its thread. */
  threadTs?: string | null;
  /** contentHash(content), kept to tell later whether the message needs editing. */
  contentHash?: string | null;
}

/** Another worker is posting this message right now: try again after its claim. */
export class PostInProgress extends Error {
  constructor(key: string) {
    super(`Slack message ${key} is being posted by another worker`);
    this.name = "PostInProgress";
  }
}

/** A Slack ts for an instant (seconds with microseconds). */
export function slackTs(ms: number): string {
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, "0")}`;
}

export async function postOnce(deps: Pick<SlackDeps, "db" | "slack" | "clock" | "log">, request: PostRequest): Promise<SlackMessage> {
  const { db, clock } = deps;
  const now = new Date(clock.now());
  await db.slackMessage.createMany({
    data: [
      {
        key: request.key,
        kind: request.kind,
        channelId: request.channelId,
        ticketId: request.ticketId ?? null,
        hubspotMessageId: request.hubspotMessageId ?? null,
        threadTs: request.threadTs ?? null,
      },
    ],
    skipDuplicates: true,
  });
  const claimed = await db.$queryRaw<{ id: string; previous: Date | null }[]>`
    UPDATE slack_messages m
    SET attempts = m.attempts + 1, first_attempt_at = COALESCE(m.first_attempt_at, ${now}::timestamptz), last_attempt_at = ${now}::timestamptz,
      locked_until = ${new Date(now.getTime() + LEASE_MS)}::timestamptz, updated_at = now()
    FROM (SELECT id, first_attempt_at AS previous FROM slack_messages WHERE key = ${request.key} FOR UPDATE) p
    WHERE m.id = p.id AND m.ts IS NULL AND (m.locked_until IS NULL OR m.locked_until < ${now}::timestamptz)
    RETURNING m.id, p.previous`;
  const claim = claimed[0];
  if (!claim) {
    const row = await db.slackMessage.findUniqueOrThrow({ where: { key: request.key } });
    if (row.ts) return row;
    throw new PostInProgress(request.key);
  }

  try {
    const earlier = claim.previous ? await findEarlierAttempt(deps, request, claim.previous) : null;
    const ts = earlier ?? (await post(deps, request));
    if (earlier) deps.log?.(`${request.key} was already posted (${earlier})`);
    return await db.slackMessage.update({
      where: { id: claim.id },
      // A copy found from an earlier attempt may show older content: no hash, so it gets edited.
      data: { ts, postedAt: new Date(clock.now()), lockedUntil: null, lastError: null, contentHash: earlier ? null : (request.contentHash ?? null) },
    });
  } catch (error) {
    await db.slackMessage
      .update({ where: { id: claim.id }, data: { lockedUntil: null, lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500) } })
      .catch(() => undefined);
    throw error;
  }
}

async function post({ slack }: Pick<SlackDeps, "slack">, request: PostRequest): Promise<string> {
  const posted = await slack.postMessage({
    channel: request.channelId,
    content: request.content,
    ...(request.threadTs ? { threadTs: request.threadTs } : {}),
    metadata: { eventType: POST_METADATA_TYPE, payload: { key: request.key } },
  });
  return posted.ts;
}

async function findEarlierAttempt({ slack }: Pick<SlackDeps, "slack">, request: PostRequest, firstAttemptAt: Date): Promise<string | null> {
  const messages = await slack.messagesSince({
    channel: request.channelId,
    oldest: slackTs(firstAttemptAt.getTime() - CLOCK_SKEW_MS),
    ...(request.threadTs ? { threadTs: request.threadTs } : {}),
  });
  const found = messages.find((message) => message.metadata?.event_type === POST_METADATA_TYPE && message.metadata.event_payload.key === request.key);
  return found?.ts ?? null;
}
