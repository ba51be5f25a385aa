import type { ChannelRecord, UserRecord } from "./directory";
import { compareTs } from "./ids";
import type { StoredMessage, Workspace } from "./workspace";

// Slack's JSON shapes for messages, channels and users, as the Web API and the events carry them.

export interface PresentOptions {
  /** conversations.history/replies leave metadata out unless include_all_metadata is set. */
  includeMetadata?: boolean;
}

export function presentMessage(ws: Workspace, m: StoredMessage, options: PresentOptions = { includeMetadata: true }): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: "message",
    ...(m.subtype ? { subtype: m.subtype } : {}),
    ...(m.user ? { user: m.user } : {}),
    ...(m.botId ? { bot_id: m.botId } : {}),
    ...(m.appId ? { app_id: m.appId } : {}),
    ...(m.username ? { username: m.username } : {}),
    text: m.text,
    ts: m.ts,
    team: ws.team.id,
    ...(m.clientMsgId ? { client_msg_id: m.clientMsgId } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.attachments ? { attachments: m.attachments } : {}),
    ...(m.metadata && options.includeMetadata ? { metadata: m.metadata } : {}),
    ...(m.edited ? { edited: m.edited } : {}),
  };
  if (m.botId === ws.app.botId) out.bot_profile = botProfile(ws);
  if (m.subtype === "tombstone") out.hidden = true;
  if (m.threadTs) {
    out.thread_ts = m.threadTs;
    const root = ws.find(m.channel, m.threadTs);
    const parentUser = root?.user;
    if (parentUser) out.parent_user_id = parentUser;
    if (m.subtype === "thread_broadcast" && root) out.root = presentMessage(ws, root, options);
  } else {
    Object.assign(out, threadSummary(ws, m));
  }
  return out;
}

/** A root with replies carries its thread's counters, as conversations.history shows them. */
function threadSummary(ws: Workspace, root: StoredMessage): Record<string, unknown> {
  const replies = ws.replies(root.channel, root.ts);
  if (replies.length === 0) return {};
  const users = [...new Set(replies.map((r) => r.user ?? r.botId ?? ""))].filter((u) => u !== "");
  return {
    thread_ts: root.ts,
    reply_count: replies.length,
    reply_users_count: users.length,
    latest_reply: replies.map((r) => r.ts).sort(compareTs).at(-1),
    reply_users: users.slice(0, 5),
    is_locked: false,
    subscribed: false,
  };
}

export function botProfile(ws: Workspace): Record<string, unknown> {
  return { id: ws.app.botId, app_id: ws.app.id, name: ws.app.name, icons: {}, deleted: false, updated: 1_700_000_000, team_id: ws.team.id };
}

export function presentChannel(ws: Workspace, c: ChannelRecord, includeNumMembers = false): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    is_channel: !c.isPrivate,
    is_group: c.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: c.isPrivate,
    created: c.created,
    is_archived: c.isArchived,
    is_general: c.name === "general",
    unlinked: 0,
    name_normalized: c.name,
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_pending_ext_shared: false,
    pending_shared: [],
    context_team_id: ws.team.id,
    shared_team_ids: [ws.team.id],
    updated: c.created * 1000,
    creator: c.creator,
    is_member: c.members.has(ws.app.botUserId),
    topic: { value: c.topic, creator: c.topic ? c.creator : "", last_set: c.topic ? c.created : 0 },
    purpose: { value: c.purpose, creator: c.purpose ? c.creator : "", last_set: c.purpose ? c.created : 0 },
    previous_names: [],
    ...(includeNumMembers ? { num_members: c.members.size } : {}),
  };
}

export function presentUser(ws: Workspace, u: UserRecord): Record<string, unknown> {
  const [first = "", ...rest] = u.realName.split(" ");
  const { label, offsetSeconds } = londonZone();
  return {
    id: u.id,
    team_id: ws.team.id,
    name: u.name,
    deleted: u.deleted,
    color: "9f69e7",
    real_name: u.realName,
    tz: "Europe/London",
    tz_label: label,
    tz_offset: offsetSeconds,
    profile: {
      title: u.title,
      phone: "",
      real_name: u.realName,
      real_name_normalized: u.realName,
      display_name: u.isBot ? "" : u.name,
      display_name_normalized: u.isBot ? "" : u.name,
      status_text: "",
      status_emoji: "",
      ...(u.email ? { email: u.email } : {}),
      first_name: first,
      last_name: rest.join(" "),
      ...(u.isBot ? { bot_id: u.botId, api_app_id: u.appId, always_active: true } : {}),
      team: ws.team.id,
    },
    is_admin: u.isAdmin,
    is_owner: false,
    is_primary_owner: false,
    is_restricted: u.isRestricted,
    is_ultra_restricted: false,
    is_bot: u.isBot,
    is_app_user: false,
    updated: 1_700_000_000,
    ...(u.isBot ? {} : { is_email_confirmed: true }),
  };
}

/** The team lives in London: Slack reports the zone's current name and offset. */
function londonZone(): { label: string; offsetSeconds: number } {
  const now = new Date();
  const part = (style: "long" | "shortOffset") =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: style }).formatToParts(now).find((p) => p.type === "timeZoneName")?.value ?? "";
  const hours = Number(/GMT([+-]\d+)?/.exec(part("shortOffset"))?.[1] ?? 0);
  return { label: part("long"), offsetSeconds: hours * 3600 };
}
