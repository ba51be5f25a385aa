import type { DatasetOptions } from "../data/dataset";
import { badRequest, notFound } from "../errors";
import type { FaultSettings, Faults } from "../faults";
import { iso } from "../properties";
import { RATE_LIMIT_TIERS, type RateLimitConfig, type RateLimiter, type RateLimitTier } from "../rate-limit";
import { route, type HubSpotRouter } from "../routes";
import type { Actor, NewAssociation, Portal } from "../store/portal";
import type { WebhookConfig, WebhookSender } from "../webhooks";
import { presentMessage } from "./conversations";
import { recordId } from "./present";

// The control API, under /_control/ (no HubSpot auth, plain JSON): for tests and demos to act as
// customers and HubSpot users, read back what the app wrote, and steer faults, limits, webhooks
// and the clock. It is not part of HubSpot's API and never rate-limited or faulted.

export interface SimulatorStats {
  requests: { api: number; control: number; byStatus: Record<string, number> };
  rateLimited: number;
  droppedConnections: number;
}

/** What the control API can reach in the running simulator. */
export interface Simulator {
  portal(): Portal;
  readonly faults: Faults;
  readonly rateLimiter: RateLimiter;
  readonly webhooks: WebhookSender;
  readonly counters: SimulatorStats;
  now(): number;
  clockOffsetMs: number;
  reset(dataset?: Partial<DatasetOptions>): void;
}

export interface ControlTicketInput {
  subject: string;
  content?: string;
  /** "customer" (default): raised by email or chat, with a first message on a new thread; "user": created in HubSpot by a team member. */
  as?: "customer" | "user";
  channel?: "EMAIL" | "CHAT";
  contactId?: string;
  contact?: { email: string; firstname?: string; lastname?: string; companyId?: string };
  properties?: Record<string, string>;
}

const CUSTOMER: Actor = { source: "CONVERSATIONS", strict: false };
const HUBSPOT_USER: Actor = { source: "CRM_UI", strict: false };

export function controlRoutes(router: HubSpotRouter, sim: Simulator): void {
  router
    .add("GET", "/_control/stats", route("read", () => ({ status: 200, body: stats(sim) })))
    .add("POST", "/_control/reset", route("write", (ctx) => {
      const body = (ctx.body ?? {}) as { dataset?: Partial<DatasetOptions> };
      sim.reset(body.dataset);
      return { status: 200, body: stats(sim) };
    }))
    .add("POST", "/_control/tickets", route("write", (ctx) => ({ status: 201, body: createTicket(sim.portal(), ctx.body as ControlTicketInput) })))
    .add("GET", "/_control/tickets/:id", route("read", (ctx) => ({ status: 200, body: fullTicket(sim.portal(), recordId(ctx.params.id)) })))
    .add("PATCH", "/_control/tickets/:id", route("write", (ctx) => {
      const body = (ctx.body ?? {}) as { properties?: unknown; as?: string };
      const portal = sim.portal();
      const id = recordId(ctx.params.id);
      portal.update("tickets", id, body.properties ?? {}, body.as === "customer" ? CUSTOMER : HUBSPOT_USER);
      return { status: 200, body: fullTicket(portal, id) };
    }))
    .add("DELETE", "/_control/tickets/:id", route("write", (ctx) => {
      sim.portal().archive("tickets", recordId(ctx.params.id), HUBSPOT_USER);
      return { status: 204 };
    }))
    .add("POST", "/_control/tickets/:id/messages", route("write", (ctx) => {
      const portal = sim.portal();
      const body = (ctx.body ?? {}) as { text?: unknown; richText?: unknown; direction?: unknown; ownerId?: unknown; channel?: unknown };
      if (typeof body.text !== "string" || body.text === "") throw badRequest("text is required");
      const id = recordId(ctx.params.id);
      const { thread, message } =
        body.direction === "OUTGOING"
          ? portal.agentMessage(id, { text: body.text, ...(typeof body.ownerId === "string" ? { ownerId: body.ownerId } : {}) })
          : portal.customerMessage(id, {
              text: body.text,
              ...(typeof body.richText === "string" ? { richText: body.richText } : {}),
              ...(body.channel === "CHAT" || body.channel === "EMAIL" ? { channel: body.channel } : {}),
            });
      return { status: 201, body: { threadId: String(thread.id), message: presentMessage(message) } };
    }))
    .add("GET", "/_control/notes", route("read", (ctx) => ({ status: 200, body: { results: notes(sim.portal(), ctx.query.get("ticketId")) } })))
    .add("GET", "/_control/messages", route("read", (ctx) => ({ status: 200, body: { results: messages(sim.portal(), ctx.query) } })))
    .add("GET", "/_control/ticket-updates", route("read", (ctx) => {
      const ticketId = ctx.query.get("ticketId");
      const results = sim.portal().writes.filter((w) => w.objectType === "tickets" && w.action === "update" && (!ticketId || w.id === ticketId));
      return { status: 200, body: { results } };
    }))
    .add("GET", "/_control/writes", route("read", () => ({ status: 200, body: { results: sim.portal().writes } })))
    .add("GET", "/_control/users", route("read", () => ({ status: 200, body: { results: sim.portal().users.provisioned() } })))
    .add("GET", "/_control/faults", route("read", () => ({ status: 200, body: sim.faults.describe() })))
    .add("PUT", "/_control/faults", route("write", (ctx) => {
      sim.faults.set((ctx.body ?? {}) as FaultSettings);
      return { status: 200, body: sim.faults.describe() };
    }))
    .add("DELETE", "/_control/faults", route("write", () => {
      sim.faults.clear();
      return { status: 200, body: sim.faults.describe() };
    }))
    .add("GET", "/_control/rate-limit", route("read", () => ({ status: 200, body: { config: sim.rateLimiter.current() } })))
    .add("PUT", "/_control/rate-limit", route("write", (ctx) => {
      sim.rateLimiter.setConfig(rateLimitFrom(ctx.body));
      return { status: 200, body: { config: sim.rateLimiter.current() } };
    }))
    .add("POST", "/_control/rate-limit/reset", route("write", () => {
      sim.rateLimiter.reset();
      return { status: 200, body: { config: sim.rateLimiter.current() } };
    }))
    .add("GET", "/_control/webhooks", route("read", () => ({ status: 200, body: webhookState(sim.webhooks) })))
    .add("PUT", "/_control/webhooks", route("write", (ctx) => {
      sim.webhooks.configure((ctx.body ?? {}) as Partial<WebhookConfig>);
      return { status: 200, body: webhookState(sim.webhooks) };
    }))
    .add("POST", "/_control/webhooks/flush", route("write", async () => {
      sim.webhooks.flush();
      await sim.webhooks.idle();
      return { status: 200, body: webhookState(sim.webhooks) };
    }))
    .add("GET", "/_control/clock", route("read", () => ({ status: 200, body: clock(sim) })))
    .add("PUT", "/_control/clock", route("write", (ctx) => {
      const offsetMs = (ctx.body as { offsetMs?: unknown } | undefined)?.offsetMs;
      if (typeof offsetMs !== "number" || !Number.isFinite(offsetMs)) throw badRequest("offsetMs must be a number");
      sim.clockOffsetMs = offsetMs;
      return { status: 200, body: clock(sim) };
    }));
}

export function stats(sim: Simulator) {
  const portal = sim.portal();
  const c = portal.collections;
  return {
    requests: sim.counters.requests,
    rateLimited: sim.counters.rateLimited,
    droppedConnections: sim.counters.droppedConnections,
    faults: sim.faults.describe(),
    rateLimit: sim.rateLimiter.current(),
    webhooks: { ...sim.webhooks.stats, ...sim.webhooks.pending(), enabled: sim.webhooks.settings().enabled },
    data: {
      seed: portal.dataset.seed,
      anchor: iso(portal.dataset.anchor),
      tickets: c.tickets.counts(),
      contacts: c.contacts.counts(),
      companies: c.companies.counts(),
      notes: c.notes.counts().created,
      messagesWritten: portal.conversations.written("api").length,
      usersProvisioned: portal.users.provisioned().length,
    },
    clock: clock(sim),
  };
}

function clock(sim: Simulator) {
  return { now: iso(sim.now()), offsetMs: sim.clockOffsetMs };
}

function webhookState(webhooks: WebhookSender) {
  return { settings: webhooks.settings(), stats: webhooks.stats, pending: webhooks.pending(), deliveries: webhooks.deliveries };
}

function rateLimitFrom(body: unknown): RateLimitConfig | false {
  const input = (body ?? {}) as { tier?: unknown } & Partial<RateLimitConfig>;
  if (input.tier !== undefined) {
    if (input.tier === "off") return false;
    const preset = RATE_LIMIT_TIERS[input.tier as RateLimitTier];
    if (!preset) throw badRequest(`Unknown tier ${String(input.tier)}: use free, professional, pack or off`);
    return preset;
  }
  const { burstPer10s, searchPerSecond, daily } = input;
  if (!Number.isInteger(burstPer10s) || !Number.isInteger(searchPerSecond)) throw badRequest("Give a tier, or burstPer10s and searchPerSecond");
  return { burstPer10s: burstPer10s!, searchPerSecond: searchPerSecond!, ...(daily !== undefined ? { daily } : {}) };
}

function createTicket(portal: Portal, input: ControlTicketInput | undefined) {
  if (!input || typeof input.subject !== "string" || input.subject === "") throw badRequest("subject is required");
  const asUser = input.as === "user";
  const actor = asUser ? HUBSPOT_USER : CUSTOMER;
  const channel = input.channel ?? "EMAIL";
  const contactId = resolveContact(portal, input, actor);
  const companyId = portal.associatedIds("contacts", contactId, "companies")[0];
  const associations: NewAssociation[] = [
    { toId: contactId, typeId: 16 },
    ...(companyId !== undefined ? [{ toId: companyId, typeId: 26 }, { toId: companyId, typeId: 339 }] : []),
  ];
  const ticket = portal.create(
    "tickets",
    {
      subject: input.subject,
      ...(input.content ? { content: input.content } : {}),
      hs_pipeline: "0",
      hs_pipeline_stage: "1",
      source_type: asUser ? "PHONE" : channel,
      ...input.properties,
    },
    associations,
    actor,
  );
  const threadId = asUser ? undefined : portal.customerMessage(ticket.id, { text: input.content ?? input.subject, channel }).thread.id;
  return fullTicket(portal, ticket.id, threadId);
}

function resolveContact(portal: Portal, input: ControlTicketInput, actor: Actor): number {
  if (input.contactId !== undefined) return portal.record("contacts", recordId(input.contactId)).id;
  if (input.contact) {
    const { email, firstname, lastname, companyId } = input.contact;
    const company = companyId === undefined ? undefined : portal.record("companies", recordId(companyId)).id;
    const links = company === undefined ? [] : [{ toId: company, typeId: 1 }, { toId: company, typeId: 279 }];
    return portal.create("contacts", { email, ...(firstname ? { firstname } : {}), ...(lastname ? { lastname } : {}) }, links, actor).id;
  }
  return portal.nextContactId();
}

function fullTicket(portal: Portal, id: number, threadId?: number) {
  const record = portal.collections.tickets.get(id);
  if (!record) throw notFound(`Ticket ${id} does not exist`);
  const thread = threadId ?? portal.threadOfTicket(id)?.id;
  return {
    id: String(record.id),
    properties: record.properties,
    archived: record.archived,
    ...(record.archivedAt !== undefined ? { archivedAt: iso(record.archivedAt) } : {}),
    contactIds: portal.associatedIds("tickets", id, "contacts").map(String),
    companyIds: portal.associatedIds("tickets", id, "companies").map(String),
    ...(thread !== undefined ? { threadId: String(thread) } : {}),
  };
}

function notes(portal: Portal, ticketId: string | null) {
  const all = portal.collections.notes.list(0, Number.MAX_SAFE_INTEGER, false).records;
  return all
    .map((note) => ({
      id: String(note.id),
      properties: note.properties,
      associations: {
        tickets: portal.associationsOf("notes", note.id, "tickets").map((a) => ({ id: String(a.toId), typeIds: a.typeIds })),
        contacts: portal.associationsOf("notes", note.id, "contacts").map((a) => ({ id: String(a.toId), typeIds: a.typeIds })),
        companies: portal.associationsOf("notes", note.id, "companies").map((a) => ({ id: String(a.toId), typeIds: a.typeIds })),
      },
    }))
    .filter((n) => !ticketId || n.associations.tickets.some((t) => t.id === ticketId));
}

function messages(portal: Portal, query: URLSearchParams) {
  const origin = query.get("origin") ?? "api";
  if (origin !== "api" && origin !== "control" && origin !== "all") throw badRequest("origin must be api, control or all");
  const ticketId = query.get("ticketId");
  const threadId = query.get("threadId");
  const direction = query.get("direction");
  return portal.conversations
    .written(origin === "all" ? undefined : origin)
    .map((m) => ({ ...presentMessage(m), ticketId: ticketOfThread(portal, m.threadId) }))
    .filter((m) => (!ticketId || m.ticketId === ticketId) && (!threadId || m.conversationsThreadId === threadId))
    .filter((m) => !direction || ("direction" in m && m.direction === direction));
}

function ticketOfThread(portal: Portal, threadId: number): string | null {
  const ticketId = portal.conversations.thread(threadId)?.ticketId;
  return ticketId === null || ticketId === undefined ? null : String(ticketId);
}
