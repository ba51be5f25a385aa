import { CHANNELS, CHAT_CHANNEL, CONFIG_CREATED_AT, EMAIL_CHANNEL, INBOX, stateOfStage } from "../data/portal-config";
import { badRequest, notFound } from "../errors";
import { boolParam, decodeCursor, encodeCursor, intParam, listParam } from "../params";
import { ID_BASE } from "../ids";
import { iso, parseDateValue } from "../properties";
import { route, type HubSpotRouter, type RequestContext } from "../routes";
import { lowerBound } from "../store/collection";
import type { MessageRecord, ThreadRecord } from "../store/conversations";
import type { Portal } from "../store/portal";
import { recordId } from "./present";

// Conversations v3: threads, messages (list, get, reply), channels, channel accounts, inboxes
// and actors. The official client has no typed API for these; apps call them with apiRequest.

const BASE = "/conversations/v3/conversations";

export function conversationRoutes(router: HubSpotRouter, portal: () => Portal): void {
  router
    .add("GET", `${BASE}/threads`, route("read", (ctx) => listThreads(portal(), ctx)))
    .add("GET", `${BASE}/threads/:threadId`, route("read", (ctx) => {
      const p = portal();
      return { status: 200, body: presentThread(p, p.thread(recordId(ctx.params.threadId)), wantsTicket(ctx)) };
    }))
    .add("GET", `${BASE}/threads/:threadId/messages`, route("read", (ctx) => listMessages(portal(), ctx)))
    .add("GET", `${BASE}/threads/:threadId/messages/:messageId`, route("read", (ctx) => {
      const p = portal();
      const message = p.conversations.messages(p.thread(recordId(ctx.params.threadId))).find((m) => m.id === ctx.params.messageId);
      if (!message) throw notFound(`Message ${ctx.params.messageId} not found`);
      return { status: 200, body: presentMessage(message) };
    }))
    .add("POST", `${BASE}/threads/:threadId/messages`, route("write", (ctx) => ({
      status: 201,
      body: presentMessage(portal().reply(recordId(ctx.params.threadId), ctx.body)),
    })))
    .add("GET", `${BASE}/channels`, route("read", () => ({ status: 200, body: { total: CHANNELS.length, results: CHANNELS } })))
    .add("GET", `${BASE}/channels/:channelId`, route("read", (ctx) => {
      const channel = CHANNELS.find((c) => c.id === ctx.params.channelId);
      if (!channel) throw notFound(`Channel ${ctx.params.channelId} not found`);
      return { status: 200, body: channel };
    }))
    .add("GET", `${BASE}/channel-accounts`, route("read", () => ({ status: 200, body: { total: CHANNEL_ACCOUNTS.length, results: CHANNEL_ACCOUNTS } })))
    .add("GET", `${BASE}/channel-accounts/:channelAccountId`, route("read", (ctx) => {
      const account = CHANNEL_ACCOUNTS.find((a) => a.id === ctx.params.channelAccountId);
      if (!account) throw notFound(`Channel account ${ctx.params.channelAccountId} not found`);
      return { status: 200, body: account };
    }))
    .add("GET", `${BASE}/inboxes`, route("read", () => ({ status: 200, body: { total: 1, results: [INBOX_BODY] } })))
    .add("GET", `${BASE}/inboxes/:inboxId`, route("read", (ctx) => {
      if (ctx.params.inboxId !== INBOX.id) throw notFound(`Inbox ${ctx.params.inboxId} not found`);
      return { status: 200, body: INBOX_BODY };
    }))
    .add("GET", `${BASE}/actors/:actorId`, route("read", (ctx) => ({ status: 200, body: actor(portal(), ctx.params.actorId!) })));
}

const INBOX_BODY = { id: INBOX.id, name: INBOX.name, type: INBOX.type, archived: false, createdAt: CONFIG_CREATED_AT, updatedAt: CONFIG_CREATED_AT };

const CHANNEL_ACCOUNTS = [CHAT_CHANNEL, EMAIL_CHANNEL].map((c) => ({
  id: c.channelAccountId,
  channelId: c.channelId,
  name: c.name,
  inboxId: INBOX.id,
  active: true,
  archived: false,
  authorized: true,
  createdAt: CONFIG_CREATED_AT,
  ...(c === EMAIL_CHANNEL ? { deliveryIdentifier: { type: "HS_EMAIL_ADDRESS", value: EMAIL_CHANNEL.address } } : {}),
}));

/** HubSpot includes threadAssociations only when asked with association=TICKET. */
function wantsTicket(ctx: RequestContext): boolean {
  return listParam(ctx.query, "association").includes("TICKET");
}

function presentThread(portal: Portal, thread: ThreadRecord, withTicket: boolean) {
  const said = portal.conversations.messages(thread).filter((m) => m.type === "MESSAGE");
  const latest = (direction?: "INCOMING" | "OUTGOING") => said.filter((m) => !direction || m.direction === direction).at(-1)?.createdAt;
  const ticket = thread.ticketId === null ? undefined : portal.collections.tickets.live(thread.ticketId);
  const closed = ticket !== undefined && stateOfStage(ticket.properties.hs_pipeline ?? "0", ticket.properties.hs_pipeline_stage ?? "") === "closed";
  const owner = ticket?.properties.hubspot_owner_id ? portal.users.owner(ticket.properties.hubspot_owner_id) : undefined;
  const latestAll = latest();
  const received = latest("INCOMING");
  const sent = latest("OUTGOING");
  const closedAt = closed ? parseDateValue(ticket.properties.closed_date ?? "") : undefined;
  return {
    id: String(thread.id),
    inboxId: INBOX.id,
    status: closed ? "CLOSED" : "OPEN",
    spam: false,
    archived: false,
    associatedContactId: String(thread.contactId),
    originalChannelId: thread.channelId,
    originalChannelAccountId: thread.channelAccountId,
    createdAt: iso(thread.createdAt),
    ...(latestAll !== undefined ? { latestMessageTimestamp: iso(latestAll) } : {}),
    ...(received !== undefined ? { latestMessageReceivedTimestamp: iso(received) } : {}),
    ...(sent !== undefined ? { latestMessageSentTimestamp: iso(sent) } : {}),
    ...(closedAt !== undefined ? { closedAt: iso(closedAt) } : {}),
    ...(owner ? { assignedTo: `A-${owner.userId}` } : {}),
    ...(withTicket && thread.ticketId !== null ? { threadAssociations: { associatedTicketId: String(thread.ticketId) } } : {}),
  };
}

function listThreads(portal: Portal, ctx: RequestContext) {
  const q = ctx.query;
  const limit = intParam(q, "limit", 20, 500);
  const from = decodeCursor(q.get("after"));
  const status = q.get("threadStatus");
  if (status !== null && status !== "OPEN" && status !== "CLOSED") throw badRequest(`Invalid threadStatus: ${status}`);
  const afterRaw = q.get("latestMessageTimestampAfter");
  const after = afterRaw === null ? undefined : parseDateValue(afterRaw);
  if (afterRaw !== null && after === undefined) throw badRequest(`Invalid latestMessageTimestampAfter: ${afterRaw}`);
  const withTicket = wantsTicket(ctx);

  const keep = (thread: ThreadRecord) => {
    if (thread.id < from) return false;
    const shown = presentThread(portal, thread, withTicket);
    if (status && shown.status !== status) return false;
    if (after !== undefined && !(Date.parse(shown.latestMessageTimestamp ?? "") > after)) return false;
    return true;
  };

  const page: ThreadRecord[] = [];
  let next: number | undefined;
  const offer = (thread: ThreadRecord | undefined): boolean => {
    if (!thread || !keep(thread)) return true;
    if (page.length === limit) {
      next = thread.id;
      return false;
    }
    page.push(thread);
    return true;
  };

  const ticketId = q.get("associatedTicketId");
  const contactId = q.get("associatedContactId");
  if (boolParam(q, "archived")) {
    // No thread is ever archived here.
  } else if (ticketId !== null || contactId !== null) {
    const ticketIds = ticketId !== null ? [recordId(ticketId)] : portal.associatedIds("contacts", recordId(contactId!), "tickets");
    const threads = ticketIds
      .map((id) => portal.threadOfTicket(id))
      .filter((t): t is ThreadRecord => t !== undefined)
      .sort((a, b) => a.id - b.id);
    for (const thread of threads) if (!offer(thread)) break;
  } else {
    for (const id of candidateThreadIds(portal, from, after)) if (!offer(portal.conversations.thread(id))) break;
  }
  const body: Record<string, unknown> = { results: page.map((t) => presentThread(portal, t, withTicket)) };
  if (next !== undefined) body.paging = { next: { after: encodeCursor(next) } };
  return { status: 200, body };
}

/**
 * Thread ids in ascending order, from `from`. A generated thread's messages all predate its
 * ticket's hs_lastmodifieddate, which is monotonic in the index, so "latest message after T"
 * can start from the first ticket modified at or after T; threads that got messages at run
 * time are added wherever they sit.
 */
function* candidateThreadIds(portal: Portal, from: number, after: number | undefined): Generator<number> {
  const d = portal.dataset;
  const extra = [...new Set([...portal.conversations.touchedThreadIds(), ...portal.conversations.runtimeThreadIds()])].sort((a, b) => a - b);
  let k = lowerBound(extra, from);
  const firstIndex = after === undefined ? 0 : d.firstModifiedAtOrAfter(after);
  let index = Math.max(firstIndex, from - ID_BASE.threads);
  for (;;) {
    const generated = index < d.ticketCount ? ID_BASE.threads + index : Infinity;
    const added = k < extra.length ? extra[k]! : Infinity;
    if (generated === Infinity && added === Infinity) return;
    if (added <= generated) {
      k++;
      if (added === generated) index++;
      yield added;
    } else {
      index++;
      yield generated;
    }
  }
}

function listMessages(portal: Portal, ctx: RequestContext) {
  const thread = portal.thread(recordId(ctx.params.threadId));
  const limit = intParam(ctx.query, "limit", 25, 500);
  const offset = decodeCursor(ctx.query.get("after"));
  const sort = listParam(ctx.query, "sort")[0] ?? "createdAt";
  if (sort !== "createdAt" && sort !== "-createdAt") throw badRequest(`Invalid sort: ${sort}`);
  const all = portal.conversations.messages(thread);
  if (sort === "-createdAt") all.reverse();
  const body: Record<string, unknown> = { results: all.slice(offset, offset + limit).map(presentMessage) };
  if (offset + limit < all.length) body.paging = { next: { after: encodeCursor(offset + limit) } };
  return { status: 200, body };
}

export function presentMessage(m: MessageRecord) {
  const common = {
    id: m.id,
    type: m.type,
    conversationsThreadId: String(m.threadId),
    createdAt: iso(m.createdAt),
    createdBy: m.createdBy,
    client: m.client,
    senders: m.senders,
    recipients: m.recipients,
    archived: false,
    text: m.text,
    richText: m.richText,
    attachments: [],
  };
  if (m.type === "COMMENT") return common;
  return {
    ...common,
    ...(m.subject !== undefined ? { subject: m.subject } : {}),
    truncationStatus: "NOT_TRUNCATED",
    direction: m.direction,
    channelId: m.channelId,
    channelAccountId: m.channelAccountId,
    ...(m.status ? { status: m.status } : {}),
  };
}

function actor(portal: Portal, actorId: string) {
  const [kind, raw] = [actorId.slice(0, 2), actorId.slice(2)];
  if (kind === "A-") {
    const user = portal.users.user(raw);
    if (user) return { id: actorId, type: "AGENT", name: [user.firstName, user.lastName].filter(Boolean).join(" "), email: user.email };
  } else if (kind === "V-" && /^\d+$/.test(raw) && portal.exists("contacts", Number(raw))) {
    const p = portal.collections.contacts.get(Number(raw))!.properties;
    return { id: actorId, type: "VISITOR", name: [p.firstname, p.lastname].filter(Boolean).join(" "), email: p.email };
  }
  throw notFound(`Actor ${actorId} not found`);
}
