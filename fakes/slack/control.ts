import type { Router } from "../shared/router";
import { controlDelete, controlEdit, controlMessage, controlPost, readChannel, type ControlEditInput, type ControlPostInput } from "./control-messages";
import { SlackApiError } from "./errors";
import type { DeliveryOptions } from "./events";
import type { FaultSettings } from "./faults";
import type { ShortcutInput, SlashCommandInput, ViewSubmissionInput } from "./interactions";
import { presentUser } from "./present";
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from "./rate-limit";
import { publicSettings, type AppSettings } from "./settings";
import { stats, type Simulator } from "./simulator";
import { TAMPERS } from "./signing";
import type { NewChannelInput, NewUserInput } from "./workspace";

// The control API, under /_control/ (no Slack auth, plain JSON): for tests and demos to act as
// people in the workspace, run slash commands, shortcuts and modal submissions, read back what
// the app did, and steer events, faults and limits. Never rate-limited or faulted.

export interface ControlContext {
  body: unknown;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type ControlHandler = (ctx: ControlContext) => unknown;

export function controlRoutes(router: Router<ControlHandler>, sim: Simulator): void {
  router
    .add("GET", "/_control/stats", () => stats(sim))
    .add("POST", "/_control/reset", () => {
      sim.reset();
      return stats(sim);
    })
    .add("GET", "/_control/workspace", () => workspace(sim))
    .add("POST", "/_control/users", ({ body }) => presentUser(sim.ws(), sim.ws().addUser(object(body) as unknown as NewUserInput)))
    .add("POST", "/_control/channels", ({ body }) => channelSummary(sim, sim.ws().addChannel(object(body) as unknown as NewChannelInput).id))

    .add("POST", "/_control/messages", ({ body }) => {
      const input = object(body) as unknown as ControlPostInput;
      return controlPost(sim, { ...input, delivery: delivery(input.delivery) });
    })
    .add("GET", "/_control/channels/:channel/messages", ({ params }) => readChannel(sim, params.channel!))
    .add("PATCH", "/_control/channels/:channel/messages/:ts", ({ params, body }) => {
      const input = object(body) as unknown as ControlEditInput;
      return controlEdit(sim, params.channel!, params.ts!, { ...input, delivery: delivery(input.delivery) });
    })
    .add("DELETE", "/_control/channels/:channel/messages/:ts", ({ params, body }) =>
      controlDelete(sim, params.channel!, params.ts!, delivery((body as { delivery?: unknown } | undefined)?.delivery)),
    )
    .add("GET", "/_control/posted", () => ({ results: sim.ws().postedByApp().map((m) => controlMessage(sim, m)) }))
    .add("GET", "/_control/ephemeral", ({ query }) => ({
      results: sim.ws().ephemeral.filter((e) => (!query.get("user") || e.user === query.get("user")) && (!query.get("channel") || e.channel === query.get("channel"))),
    }))
    .add("GET", "/_control/calls", ({ query }) => ({ results: sim.calls.filter((c) => !query.get("method") || c.method === query.get("method")) }))

    .add("GET", "/_control/app", () => publicSettings(sim.settings()))
    .add("PUT", "/_control/app", ({ body }) => {
      sim.configure(object(body) as Partial<AppSettings>);
      return publicSettings(sim.settings());
    })
    .add("GET", "/_control/events", () => eventState(sim))
    .add("POST", "/_control/events", ({ body }) => {
      const input = object(body) as { event?: unknown; delivery?: unknown };
      if (typeof input.event !== "object" || input.event === null || typeof (input.event as { type?: unknown }).type !== "string") {
        throw new SlackApiError("invalid_event", "event must be an object with a type");
      }
      const sent = sim.events.send(input.event as Record<string, unknown>, delivery(input.delivery));
      return { eventId: sent.eventId, state: sent.state, envelope: sent.envelope };
    })
    .add("POST", "/_control/events/flush", async () => {
      await sim.events.flush();
      return eventState(sim);
    })
    .add("POST", "/_control/events/verify", ({ body }) => sim.events.verifyUrl((body as { url?: string } | undefined)?.url))

    .add("POST", "/_control/commands", ({ body }) => sim.interactions.slashCommand(withTamper(object(body)) as unknown as SlashCommandInput))
    .add("POST", "/_control/shortcuts", ({ body }) => sim.interactions.messageShortcut(withTamper(object(body)) as unknown as ShortcutInput))
    .add("GET", "/_control/views", () => ({ results: [...sim.interactions.views.values()] }))
    .add("POST", "/_control/views/:id/submit", ({ params, body }) =>
      sim.interactions.submitView(params.id!, withTamper(object(body ?? {})) as ViewSubmissionInput),
    )
    .add("GET", "/_control/interactions", () => ({ results: sim.interactions.records, responsePosts: sim.interactions.responses.posts }))

    .add("GET", "/_control/faults", () => sim.faults.describe())
    .add("PUT", "/_control/faults", ({ body }) => {
      sim.faults.set(object(body) as FaultSettings);
      return sim.faults.describe();
    })
    .add("DELETE", "/_control/faults", () => {
      sim.faults.clear();
      return sim.faults.describe();
    })
    .add("GET", "/_control/rate-limit", () => ({ config: sim.rateLimiter.current() }))
    .add("PUT", "/_control/rate-limit", ({ body }) => {
      sim.rateLimiter.setConfig(rateLimitFrom(body));
      return { config: sim.rateLimiter.current() };
    })
    .add("POST", "/_control/rate-limit/reset", () => {
      sim.rateLimiter.reset();
      return { config: sim.rateLimiter.current() };
    });
}

function workspace(sim: Simulator) {
  const ws = sim.ws();
  return {
    team: ws.team,
    app: ws.app,
    users: ws.users.map((u) => presentUser(ws, u)),
    channels: ws.channels.map((c) => channelSummary(sim, c.id)),
  };
}

function channelSummary(sim: Simulator, id: string) {
  const c = sim.ws().requireChannel(id);
  return { id: c.id, name: c.name, isPrivate: c.isPrivate, isArchived: c.isArchived, botIsMember: sim.ws().botIsMember(c.id), members: [...c.members] };
}

function eventState(sim: Simulator) {
  return {
    settings: publicSettings(sim.settings()),
    stats: sim.events.stats,
    pending: sim.events.pending(),
    sent: sim.events.sent,
    deliveries: sim.events.deliveries,
  };
}

function rateLimitFrom(body: unknown): RateLimitConfig | false {
  const input = object(body) as { off?: unknown } & Partial<RateLimitConfig>;
  if (input.off === true) return false;
  const config = { ...DEFAULT_RATE_LIMIT, ...input };
  if (!(config.postMessagePerSecond > 0) || !(config.postMessageBurst >= 1) || typeof config.tiers !== "boolean") {
    throw new SlackApiError("invalid_arguments", "postMessagePerSecond > 0, postMessageBurst >= 1, tiers a boolean; or {off: true}");
  }
  return { postMessagePerSecond: config.postMessagePerSecond, postMessageBurst: config.postMessageBurst, tiers: config.tiers };
}

function delivery(value: unknown): DeliveryOptions | undefined {
  if (value === undefined) return undefined;
  const d = object(value) as DeliveryOptions;
  if (d.times !== undefined && !(Number.isInteger(d.times) && d.times >= 1 && d.times <= 10)) throw new SlackApiError("invalid_arguments", "delivery.times must be 1..10");
  if (d.tamper !== undefined && !TAMPERS.includes(d.tamper)) throw new SlackApiError("invalid_arguments", `delivery.tamper must be one of ${TAMPERS.join(", ")}`);
  return d;
}

function withTamper(input: Record<string, unknown>): Record<string, unknown> {
  if (input.tamper !== undefined && !TAMPERS.includes(input.tamper as never)) throw new SlackApiError("invalid_arguments", `tamper must be one of ${TAMPERS.join(", ")}`);
  return input;
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new SlackApiError("invalid_arguments", "the body must be a JSON object");
  return body as Record<string, unknown>;
}
