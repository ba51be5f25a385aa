import { SlackApiError } from "../errors";
import { compareTs } from "../ids";
import { presentChannel, presentMessage } from "../present";
import type { StoredMessage } from "../workspace";
import type { ApiContext, ApiMethod } from "./method";
import { decodeCursor, encodeCursor, pageByKey } from "./paging";
import type { Params } from "./params";

// conversations.info, conversations.list, conversations.history, conversations.replies.

export const conversationMethods: Record<string, ApiMethod> = {
  "conversations.info": { handler: info },
  "conversations.list": { handler: list },
  "conversations.history": { handler: history },
  "conversations.replies": { handler: replies },
};

function info({ ws, params }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "");
  return { channel: presentChannel(ws, channel, params.bool("include_num_members")) };
}

function list({ ws, params }: ApiContext) {
  const types = (params.string("types") ?? "public_channel").split(",").map((t) => t.trim());
  const channels = ws.channels.filter(
    (c) => types.includes(c.isPrivate ? "private_channel" : "public_channel") && !(c.isArchived && params.bool("exclude_archived")),
  );
  const { page, nextCursor } = pageByKey(channels, (c) => c.id, "channel", params.string("cursor"), params.int("limit", 100, 1000));
  return { channels: page.map((c) => presentChannel(ws, c)), response_metadata: { next_cursor: nextCursor } };
}

/** The channel's messages (roots and broadcast replies), newest first. */
function history({ ws, params }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "");
  const all = inWindow(ws.channelView(channel.id), params).sort((a, b) => compareTs(b.ts, a.ts));
  const from = decodeCursor("next_ts", params.string("cursor"));
  const start = from === undefined ? all : all.filter((m) => compareTs(m.ts, from) <= 0);
  const limit = params.int("limit", 100, 999);
  const page = start.slice(0, limit);
  const next = start[limit];
  const includeMetadata = params.bool("include_all_metadata");
  return {
    messages: page.map((m) => presentMessage(ws, m, { includeMetadata })),
    has_more: next !== undefined,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: next ? encodeCursor("next_ts", next.ts) : "" },
  };
}

/**
 * A thread, oldest first, from its root or any of its replies. Slack repeats the root at the top
 * of every page.
 */
function replies({ ws, params }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "");
  const found = ws.find(channel.id, params.required("ts"));
  const root = found && ws.find(channel.id, found.threadTs ?? found.ts);
  if (!root) throw new SlackApiError("thread_not_found");
  const all = inWindow(ws.replies(channel.id, root.ts), params);
  const from = decodeCursor("next_ts", params.string("cursor"));
  const start = from === undefined ? all : all.filter((m) => compareTs(m.ts, from) >= 0);
  const limit = params.int("limit", 1000, 1000);
  const page = start.slice(0, Math.max(limit - 1, 1));
  const next = start[page.length];
  const includeMetadata = params.bool("include_all_metadata");
  return {
    messages: [root, ...page].map((m) => presentMessage(ws, m, { includeMetadata })),
    has_more: next !== undefined,
    response_metadata: { next_cursor: next ? encodeCursor("next_ts", next.ts) : "" },
  };
}

/** Applies oldest/latest/inclusive, as history and replies take them. */
function inWindow(messages: StoredMessage[], params: Params): StoredMessage[] {
  const oldest = params.string("oldest");
  const latest = params.string("latest");
  const inclusive = params.bool("inclusive");
  return messages.filter((m) => {
    if (oldest !== undefined && (inclusive ? compareTs(m.ts, oldest) < 0 : compareTs(m.ts, oldest) <= 0)) return false;
    if (latest !== undefined && (inclusive ? compareTs(m.ts, latest) > 0 : compareTs(m.ts, latest) >= 0)) return false;
    return true;
  });
}
