import { APP, OTHER_BOT, TEAM, seedChannels, seedUsers, type ChannelRecord, type UserRecord } from "./directory";
import { SlackApiError } from "./errors";
import { compareTs, TsClock } from "./ids";

// The workspace's state: users, channels and their messages with threads, and ephemeral
// messages. Every change to a channel's messages is reported to `onChange`, which turns it into
// Events API deliveries.

export type MessageOrigin = "api" | "control" | "response_url";

/** Who wrote a message: a person, the Support Desk app's bot, or another app's (classic) bot. */
export type Author = { kind: "user"; userId: string } | { kind: "app" } | { kind: "other_bot"; username?: string };

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  /** Set on thread replies (the root's ts); a root's thread details are derived from its replies. */
  threadTs?: string;
  user?: string;
  botId?: string;
  appId?: string;
  username?: string;
  /** bot_message (another app's classic bot), thread_broadcast, or tombstone (a deleted root that has replies). */
  subtype?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
  edited?: { user: string; ts: string };
  /** The client's id for a person's message, as Slack's apps send it. */
  clientMsgId?: string;
  origin: MessageOrigin;
}

export interface NewMessage {
  channel: string;
  author: Author;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: MessageMetadata;
  threadTs?: string;
  /** A thread reply also shown in the channel ("Also send to #channel"). */
  broadcast?: boolean;
  clientMsgId?: string;
  origin: MessageOrigin;
}

export interface MessageContent {
  text?: string;
  blocks?: unknown[];
  attachments?: unknown[];
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  origin: MessageOrigin;
}

export interface NewUserInput {
  realName: string;
  email?: string;
  name?: string;
  isAdmin?: boolean;
  isRestricted?: boolean;
  title?: string;
}

export interface NewChannelInput {
  name: string;
  isPrivate?: boolean;
  /** Default true: the app is invited. */
  botIsMember?: boolean;
  topic?: string;
  purpose?: string;
}

export type MessageChange =
  | { kind: "posted"; message: StoredMessage }
  | { kind: "edited"; message: StoredMessage; previous: StoredMessage; eventTs: string }
  | { kind: "deleted"; previous: StoredMessage; eventTs: string };

const TS_SHAPE = /^\d{10}\.\d{6}$/;
const CHANNEL_NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/;

// One clock for every workspace in the process: a reset never hands out a ts the app has seen.
const clock = new TsClock();

function isTs(value: string): boolean {
  return TS_SHAPE.test(value);
}

export class Workspace {
  readonly team = TEAM;
  readonly app = APP;
  readonly users: UserRecord[] = seedUsers();
  readonly channels: ChannelRecord[];
  readonly ephemeral: EphemeralMessage[] = [];
  private readonly messages = new Map<string, StoredMessage[]>();
  private addedUsers = 0;
  private addedChannels = 0;

  constructor(
    extraChannelNames: readonly string[],
    private readonly onChange: (change: MessageChange) => void,
  ) {
    this.channels = seedChannels(this.users, extraChannelNames);
  }

  // ---- people and channels ----------------------------------------------------------

  user(id: string): UserRecord | undefined {
    return this.users.find((u) => u.id === id);
  }

  userByEmail(email: string): UserRecord | undefined {
    const key = email.trim().toLowerCase();
    return this.users.find((u) => !u.deleted && u.email?.toLowerCase() === key);
  }

  /** A person (not a bot) by id or email; without one, the first FlowForge team member. */
  person(ref?: string): UserRecord {
    const user = ref === undefined ? this.users.find((u) => !u.isBot && !u.isRestricted) : ref.includes("@") ? this.userByEmail(ref) : this.user(ref);
    if (!user || user.isBot || user.deleted) throw new SlackApiError("user_not_found", `no person ${ref ?? ""}`);
    return user;
  }

  addUser(input: NewUserInput): UserRecord {
    if (typeof input.realName !== "string" || input.realName === "") throw new SlackApiError("invalid_arguments", "realName is required");
    if (input.email && this.userByEmail(input.email)) throw new SlackApiError("already_in_team", `${input.email} is already a member`);
    const user: UserRecord = {
      id: `U0AD${String(++this.addedUsers).padStart(6, "0")}`,
      name: input.name ?? (input.email ? input.email.slice(0, input.email.indexOf("@")) : input.realName.toLowerCase().replace(/\s+/g, ".")),
      realName: input.realName,
      ...(input.email ? { email: input.email } : {}),
      isBot: false,
      isAdmin: input.isAdmin ?? false,
      isRestricted: input.isRestricted ?? false,
      deleted: false,
      title: input.title ?? "",
    };
    this.users.push(user);
    for (const channel of this.channels) if (!channel.isPrivate && !user.isRestricted) channel.members.add(user.id);
    return user;
  }

  /** A channel by id, or also by name ("#name" or "name") where Slack accepts names. */
  channel(ref: string, allowName = false): ChannelRecord | undefined {
    const byId = this.channels.find((c) => c.id === ref);
    if (byId || !allowName) return byId;
    const name = ref.startsWith("#") ? ref.slice(1) : ref;
    return this.channels.find((c) => c.name === name);
  }

  requireChannel(ref: string, allowName = false): ChannelRecord {
    const channel = this.channel(ref, allowName);
    if (!channel) throw new SlackApiError("channel_not_found");
    return channel;
  }

  addChannel(input: NewChannelInput): ChannelRecord {
    const name = String(input.name ?? "").replace(/^#/, "");
    if (!CHANNEL_NAME.test(name)) throw new SlackApiError("invalid_name_specials", "lowercase letters, digits, - and _ only, up to 80");
    if (this.channels.some((c) => c.name === name)) throw new SlackApiError("name_taken");
    const people = this.users.filter((u) => !u.isBot && !u.deleted && !u.isRestricted).map((u) => u.id);
    const channel: ChannelRecord = {
      id: `${input.isPrivate ? "G" : "C"}0AD${String(++this.addedChannels).padStart(6, "0")}`,
      name,
      isPrivate: input.isPrivate ?? false,
      isArchived: false,
      created: Math.floor(Date.now() / 1000),
      creator: people[0] ?? APP.botUserId,
      topic: input.topic ?? "",
      purpose: input.purpose ?? "",
      members: new Set([...people, ...((input.botIsMember ?? true) ? [APP.botUserId] : [])]),
    };
    this.channels.push(channel);
    return channel;
  }

  botIsMember(channelId: string): boolean {
    return this.channel(channelId)?.members.has(APP.botUserId) ?? false;
  }

  // ---- messages ------------------------------------------------------------------------

  post(input: NewMessage): StoredMessage {
    const list = this.list(input.channel);
    let threadTs: string | undefined;
    if (input.threadTs !== undefined) {
      if (!isTs(input.threadTs)) throw new SlackApiError("invalid_thread_ts", `${input.threadTs} is not a valid thread_ts`);
      // A reply to a reply joins the root's thread; a ts that matches nothing still "works", as on
      // Slack: the reply lands in a thread nobody can see.
      const target = this.find(input.channel, input.threadTs);
      threadTs = target?.threadTs ?? input.threadTs;
    }
    const message: StoredMessage = {
      channel: input.channel,
      ts: clock.next(),
      ...(threadTs ? { threadTs } : {}),
      ...authorFields(input.author),
      text: input.text,
      ...(input.blocks?.length ? { blocks: input.blocks } : {}),
      ...(input.attachments ? { attachments: input.attachments } : {}),
      ...(input.metadata ? { metadata: input.metadata } : {}),
      ...(input.clientMsgId ? { clientMsgId: input.clientMsgId } : {}),
      origin: input.origin,
    };
    if (threadTs && input.broadcast) message.subtype = "thread_broadcast";
    list.push(message);
    this.onChange({ kind: "posted", message });
    return message;
  }

  edit(channel: string, ts: string, content: MessageContent, editorUserId: string): StoredMessage {
    const list = this.list(channel);
    const index = list.findIndex((m) => m.ts === ts && m.subtype !== "tombstone");
    if (index < 0) throw new SlackApiError("message_not_found");
    const previous = list[index]!;
    const eventTs = clock.next();
    const message: StoredMessage = { ...previous, edited: { user: editorUserId, ts: eventTs } };
    if (content.text !== undefined) message.text = content.text;
    if (content.blocks?.length) message.blocks = content.blocks;
    else if (content.blocks) delete message.blocks;
    if (content.attachments !== undefined) message.attachments = content.attachments;
    list[index] = message;
    this.onChange({ kind: "edited", message, previous, eventTs });
    return message;
  }

  /** Deletes a message; a thread root with replies stays as a tombstone, as Slack shows it. */
  remove(channel: string, ts: string): StoredMessage {
    const list = this.list(channel);
    const index = list.findIndex((m) => m.ts === ts && m.subtype !== "tombstone");
    if (index < 0) throw new SlackApiError("message_not_found");
    const previous = list[index]!;
    if (!previous.threadTs && this.replies(channel, ts).length > 0) {
      list[index] = { channel, ts, user: "USLACKBOT", subtype: "tombstone", text: "This message was deleted.", origin: previous.origin };
    } else {
      list.splice(index, 1);
    }
    this.onChange({ kind: "deleted", previous, eventTs: clock.next() });
    return previous;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  /** What the channel shows: roots and broadcast replies, oldest first. */
  channelView(channel: string): StoredMessage[] {
    return (this.messages.get(channel) ?? []).filter((m) => !m.threadTs || m.subtype === "thread_broadcast");
  }

  /** A thread's replies, oldest first (also for a root that no longer exists). */
  replies(channel: string, rootTs: string): StoredMessage[] {
    return (this.messages.get(channel) ?? []).filter((m) => m.threadTs === rootTs);
  }

  /** Replies whose thread root does not exist (a thread_ts that matched nothing). */
  orphanReplies(channel: string): StoredMessage[] {
    const list = this.messages.get(channel) ?? [];
    return list.filter((m) => m.threadTs !== undefined && !list.some((root) => root.ts === m.threadTs));
  }

  /** Every message the app itself posted (through the Web API or a response_url), in order. */
  postedByApp(): StoredMessage[] {
    return [...this.messages.values()].flat().filter((m) => m.botId === APP.botId).sort((a, b) => compareTs(a.ts, b.ts));
  }

  messageCount(): number {
    let n = 0;
    for (const list of this.messages.values()) n += list.length;
    return n;
  }

  postEphemeral(input: Omit<EphemeralMessage, "ts">): EphemeralMessage {
    const message = { ...input, ts: clock.next() };
    this.ephemeral.push(message);
    return message;
  }

  private list(channel: string): StoredMessage[] {
    let list = this.messages.get(channel);
    if (!list) this.messages.set(channel, (list = []));
    return list;
  }
}

function authorFields(author: Author): Pick<StoredMessage, "user" | "botId" | "appId" | "username" | "subtype"> {
  switch (author.kind) {
    case "user":
      return { user: author.userId };
    // A bot token's post: Slack sets user to the bot user and adds bot_id, with no subtype.
    case "app":
      return { user: APP.botUserId, botId: APP.botId, appId: APP.id };
    case "other_bot":
      return { botId: OTHER_BOT.id, appId: OTHER_BOT.appId, username: author.username ?? OTHER_BOT.name, subtype: "bot_message" };
  }
}
