import { randomUUID } from "node:crypto";
import { permalink } from "./api/chat";
import { SlackApiError } from "./errors";
import type { DeliveryOptions } from "./events";
import { presentMessage } from "./present";
import type { Simulator } from "./simulator";
import type { StoredMessage } from "./workspace";

// The control API's messages: people (and other apps) write, edit and delete in channels, which
// sends the app the events Slack would; tests read channels back with their threads.

export interface ControlPostInput {
  /** Channel id or name. */
  channel: string;
  /** A person's id or email. Without it (and without `bot`), the first FlowForge team member. */
  user?: string;
  /** "other": another app's bot posts (subtype bot_message). */
  bot?: "other";
  username?: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  /** "Also send to #channel": a thread reply with subtype thread_broadcast. */
  broadcast?: boolean;
  delivery?: DeliveryOptions;
}

export interface ControlEditInput {
  text: string;
  blocks?: unknown[];
  delivery?: DeliveryOptions;
}

export function controlPost(sim: Simulator, input: ControlPostInput) {
  const ws = sim.ws();
  if (!input || typeof input.text !== "string" || input.text === "") throw new SlackApiError("no_text", "text is required");
  const channel = ws.requireChannel(input.channel ?? "", true);
  const person = input.bot === "other" ? undefined : ws.person(input.user);
  if (person && !channel.members.has(person.id)) throw new SlackApiError("not_in_channel", `${person.realName} is not in #${channel.name}`);
  const { result, event } = sim.emitting(input.delivery, () =>
    ws.post({
      channel: channel.id,
      author: person ? { kind: "user", userId: person.id } : { kind: "other_bot", ...(input.username ? { username: input.username } : {}) },
      text: input.text,
      // Slack's apps send a person's message with its rich_text rendering and a client id.
      ...(person ? { blocks: input.blocks ?? [richText(input.text)], clientMsgId: randomUUID() } : input.blocks ? { blocks: input.blocks } : {}),
      ...(input.threadTs ? { threadTs: input.threadTs } : {}),
      ...(input.broadcast ? { broadcast: true } : {}),
      origin: "control",
    }),
  );
  return { message: controlMessage(sim, result), ...(event ? { event: { eventId: event.eventId, state: event.state } } : {}) };
}

/** The author edits their message (Slack lets only the author edit). */
export function controlEdit(sim: Simulator, channelRef: string, ts: string, input: ControlEditInput) {
  const ws = sim.ws();
  if (!input || typeof input.text !== "string") throw new SlackApiError("no_text", "text is required");
  const channel = ws.requireChannel(channelRef, true);
  const existing = ws.find(channel.id, ts);
  if (!existing) throw new SlackApiError("message_not_found");
  const editor = existing.user ?? ws.app.botUserId;
  const blocks = input.blocks ?? (existing.clientMsgId ? [richText(input.text)] : undefined);
  const { result, event } = sim.emitting(input.delivery, () => ws.edit(channel.id, ts, { text: input.text, ...(blocks ? { blocks } : {}) }, editor));
  return { message: controlMessage(sim, result), ...(event ? { event: { eventId: event.eventId, state: event.state } } : {}) };
}

export function controlDelete(sim: Simulator, channelRef: string, ts: string, delivery?: DeliveryOptions) {
  const ws = sim.ws();
  const channel = ws.requireChannel(channelRef, true);
  const { result, event } = sim.emitting(delivery, () => ws.remove(channel.id, ts));
  return { deleted: controlMessage(sim, result), ...(event ? { event: { eventId: event.eventId, state: event.state } } : {}) };
}

/** A channel's messages, oldest first, each root with its replies (oldest first). */
export function readChannel(sim: Simulator, channelRef: string) {
  const ws = sim.ws();
  const channel = ws.requireChannel(channelRef, true);
  return {
    channel: { id: channel.id, name: channel.name },
    messages: ws.channelView(channel.id).map((m) => ({
      ...controlMessage(sim, m),
      replies: m.threadTs ? [] : ws.replies(channel.id, m.ts).map((r) => controlMessage(sim, r)),
    })),
    orphanReplies: ws.orphanReplies(channel.id).map((m) => controlMessage(sim, m)),
  };
}

/** Slack's message shape plus where it is and where it came from. */
export function controlMessage(sim: Simulator, m: StoredMessage) {
  return { ...presentMessage(sim.ws(), m), channel: m.channel, origin: m.origin, permalink: permalink(sim.baseUrl(), m) };
}

function richText(text: string) {
  return {
    type: "rich_text",
    block_id: randomUUID().slice(0, 4),
    elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }],
  };
}
