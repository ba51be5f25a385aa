import { replyOutcomeMessage } from "@/lib/integrations/slack/messages";
import { replyPayloadSchema } from "@/lib/outbox/payload";
import { dashboardTicketUrl, type SlackDeps } from "@/lib/slack/deps";
import { postOnce } from "@/lib/slack/post-once";
import { CHANNEL_NAMES } from "@/lib/tickets/reply-context";

// After a reply sent from Slack: once the outbox has settled it, the ticket's thread says what was
// sent to the customer (or that it was not, and why). Posted once per outcome.

export type ReplyOutcome = "posted" | "pending" | "gone";

export async function postReplyOutcome(deps: SlackDeps, writeId: string): Promise<ReplyOutcome> {
  const write = await deps.db.hubSpotWrite.findUnique({ where: { id: writeId } });
  if (!write || write.kind !== "REPLY") return "gone";
  if (write.status === "PENDING") return "pending";
  const parent = await deps.db.slackMessage.findUnique({ where: { key: `ticket:${write.ticketId}` } });
  if (!parent?.ts) return "gone";
  const payload = replyPayloadSchema.parse(write.payload);
  const content =
    write.status === "SENT"
      ? replyOutcomeMessage({
          sent: true,
          text: payload.text,
          author: write.authorName,
          recipient: payload.recipient.name,
          channelName: CHANNEL_NAMES[payload.channelId] ?? `channel ${payload.channelId}`,
        })
      : replyOutcomeMessage({ sent: false, reason: write.lastError ?? "HubSpot did not accept it", author: write.authorName, dashboard: dashboardTicketUrl(deps.settings, write.ticketId) });
  await postOnce(deps, {
    key: `reply:${write.id}:${write.status.toLowerCase()}`,
    kind: "REPLY_CONFIRMATION",
    ticketId: write.ticketId,
    channelId: parent.channelId,
    threadTs: parent.ts,
    content,
  });
  return "posted";
}
