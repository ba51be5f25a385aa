import { SlackApiError } from "../errors";
import { presentMessage } from "../present";
import type { MessageContent, MessageMetadata, StoredMessage, Workspace } from "../workspace";
import { MAX_TEXT_LENGTH, messageBlocks } from "./blocks";
import type { ApiContext, ApiMethod } from "./method";
import type { Params } from "./params";

// chat.postMessage, chat.update, chat.delete, chat.postEphemeral, chat.getPermalink.

const CONTENT_ARGS = ["blocks", "attachments", "metadata"] as const;

export const chatMethods: Record<string, ApiMethod> = {
  "chat.postMessage": { handler: postMessage, jsonArgs: CONTENT_ARGS },
  "chat.update": { handler: update, jsonArgs: CONTENT_ARGS },
  "chat.delete": { handler: remove },
  "chat.postEphemeral": { handler: postEphemeral, jsonArgs: CONTENT_ARGS },
  "chat.getPermalink": { handler: getPermalink },
};

function postMessage({ ws, params }: ApiContext) {
  // Slack takes a channel's name here (with or without "#") as well as its id.
  const channel = ws.requireChannel(params.string("channel") ?? "", true);
  if (channel.isArchived) throw new SlackApiError("is_archived");
  if (!channel.members.has(ws.app.botUserId)) throw new SlackApiError("not_in_channel");
  const content = readContent(params, true);
  const metadata = readMetadata(params);
  const threadTs = params.string("thread_ts");
  const message = ws.post({
    channel: channel.id,
    author: { kind: "app" },
    text: content.text ?? "",
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(content.attachments ? { attachments: content.attachments } : {}),
    ...(metadata ? { metadata } : {}),
    ...(threadTs ? { threadTs, broadcast: params.bool("reply_broadcast") } : {}),
    origin: "api",
  });
  return { channel: channel.id, ts: message.ts, message: presentMessage(ws, message) };
}

function update({ ws, params }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "");
  const ts = params.required("ts");
  const own = ownMessage(ws, channel.id, ts, "cant_update_message");
  const content = readContent(params, false);
  if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) throw new SlackApiError("no_text");
  const message = ws.edit(channel.id, own.ts, content, ws.app.botUserId);
  return { channel: channel.id, ts: message.ts, text: message.text, message: presentMessage(ws, message) };
}

function remove({ ws, params }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "");
  const own = ownMessage(ws, channel.id, params.required("ts"), "cant_delete_message");
  ws.remove(channel.id, own.ts);
  return { channel: channel.id, ts: own.ts };
}

function postEphemeral({ ws, params }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "", true);
  if (!channel.members.has(ws.app.botUserId)) throw new SlackApiError("not_in_channel");
  const userId = params.string("user") ?? "";
  if (!ws.user(userId)) throw new SlackApiError("user_not_found");
  if (!channel.members.has(userId)) throw new SlackApiError("user_not_in_channel");
  const content = readContent(params, true);
  const threadTs = params.string("thread_ts");
  const message = ws.postEphemeral({
    channel: channel.id,
    user: userId,
    text: content.text ?? "",
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(threadTs ? { threadTs } : {}),
    origin: "api",
  });
  return { message_ts: message.ts };
}

function getPermalink({ ws, params, baseUrl }: ApiContext) {
  const channel = ws.requireChannel(params.string("channel") ?? "");
  const message = ws.find(channel.id, params.required("message_ts"));
  if (!message) throw new SlackApiError("message_not_found");
  return { channel: channel.id, permalink: permalink(baseUrl, message) };
}

/** Slack's permalink shape (/archives/<channel>/p<ts without the dot>), served by this simulator's pages. */
export function permalink(baseUrl: string, message: StoredMessage): string {
  const link = `${baseUrl}/archives/${message.channel}/p${message.ts.replace(".", "")}`;
  return message.threadTs ? `${link}?thread_ts=${message.threadTs}&cid=${message.channel}` : link;
}

function ownMessage(ws: Workspace, channel: string, ts: string, notOwnError: string): StoredMessage {
  const message = ws.find(channel, ts);
  if (!message || message.subtype === "tombstone") throw new SlackApiError("message_not_found");
  if (message.botId !== ws.app.botId) throw new SlackApiError(notOwnError);
  return message;
}

function readContent(params: Params, requireSome: boolean): MessageContent {
  const text = params.string("text");
  const rawBlocks = params.json("blocks", "invalid_blocks_format");
  const blocks = rawBlocks === undefined ? undefined : messageBlocks(rawBlocks);
  const attachments = params.json("attachments", "invalid_attachments");
  if (attachments !== undefined && !Array.isArray(attachments)) throw new SlackApiError("invalid_attachments");
  // An empty blocks array is no content: on chat.update it removes the message's blocks.
  if (requireSome && text === undefined && !blocks?.length && attachments === undefined) throw new SlackApiError("no_text");
  if (text !== undefined && text.length > MAX_TEXT_LENGTH) throw new SlackApiError("msg_too_long");
  return {
    ...(text !== undefined ? { text } : {}),
    ...(blocks !== undefined ? { blocks } : {}),
    ...(attachments !== undefined ? { attachments: attachments as unknown[] } : {}),
  };
}

function readMetadata(params: Params): MessageMetadata | undefined {
  const value = params.json("metadata", "invalid_metadata_format");
  if (value === undefined) return undefined;
  const m = value as Partial<MessageMetadata>;
  if (typeof m.event_type !== "string" || typeof m.event_payload !== "object" || m.event_payload === null) {
    throw new SlackApiError("invalid_metadata_format", "metadata needs event_type and event_payload");
  }
  return { event_type: m.event_type, event_payload: m.event_payload };
}
