import { presentMessage } from "./present";
import type { MessageChange, Workspace } from "./workspace";

// The `message` events Slack sends for a change in a channel the app is in (message.channels and
// message.groups subscriptions): new messages (the app's own included, with its bot_id), edits
// (subtype message_changed) and deletions (subtype message_deleted).

export function messageEvent(ws: Workspace, change: MessageChange): Record<string, unknown> | undefined {
  const channelId = change.kind === "deleted" ? change.previous.channel : change.message.channel;
  const channel = ws.channel(channelId);
  // Slack only tells an app about channels it is a member of.
  if (!channel || !channel.members.has(ws.app.botUserId)) return undefined;
  const where = { channel: channel.id, channel_type: channel.isPrivate ? "group" : "channel" };
  switch (change.kind) {
    case "posted":
      return { ...presentMessage(ws, change.message), ...where, event_ts: change.message.ts };
    case "edited":
      return {
        type: "message",
        subtype: "message_changed",
        hidden: true,
        message: presentMessage(ws, change.message),
        previous_message: presentMessage(ws, change.previous),
        ...where,
        ts: change.eventTs,
        event_ts: change.eventTs,
      };
    case "deleted":
      return {
        type: "message",
        subtype: "message_deleted",
        hidden: true,
        deleted_ts: change.previous.ts,
        previous_message: presentMessage(ws, change.previous),
        ...where,
        ts: change.eventTs,
        event_ts: change.eventTs,
      };
  }
}

