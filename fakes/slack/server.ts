import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { BodyTooLargeError, close, listen, readBody, sendJson, sendText } from "../shared/http";
import { Router } from "../shared/router";
import { serveApi } from "./api/serve";
import { controlRoutes, type ControlHandler } from "./control";
import { APP, DEFAULT_CHANNEL, TEAM } from "./directory";
import { SlackApiError } from "./errors";
import { EventSender, type DeliveryOptions, type SentEvent } from "./events";
import { Faults } from "./faults";
import { channelPage } from "./home";
import { Interactions } from "./interactions";
import { messageEvent } from "./message-events";
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitConfig } from "./rate-limit";
import { checkSettings, defaultSettings, type AppSettings } from "./settings";
import { stats, type CallRecord, type Simulator } from "./simulator";
import { Workspace } from "./workspace";

// The Slack simulator: one node:http server with the Web API under /api/ (point the official
// client at `apiUrl`), response_url endpoints, the channel pages, and a control API under
// /_control/ for tests and demos. It sends the app signed Events API and interactivity requests.

export interface SlackFakeOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  host?: string;
  /** The bot token the Web API accepts. Default "xoxb-demo-token". */
  botToken?: string;
  /** Where events and interactions go, the signing secret, deadlines and retry pacing. */
  app?: Partial<AppSettings>;
  /** More channels (names) the app is a member of, besides #support-tickets and #general. */
  channels?: string[];
  /** Slack's limits; false turns them off. Default: 1 message/s per channel after a burst of 5, method tiers on. */
  rateLimit?: Partial<RateLimitConfig> | false;
  /** Extra time before every Web API answer (ms). */
  latencyMs?: number;
}

export interface SlackFake {
  /** The server's origin: pages at /, control API at /_control/. */
  url: string;
  /** What to give the official client as slackApiUrl: `${url}/api/`. */
  apiUrl: string;
  botToken: string;
  workspace(): Workspace;
  settings(): AppSettings;
  configure(change: Partial<AppSettings>): void;
  readonly events: EventSender;
  readonly interactions: Interactions;
  readonly faults: Faults;
  readonly rateLimiter: RateLimiter;
  /** Every Web API call, in order. */
  calls(): readonly CallRecord[];
  stats(): ReturnType<typeof stats>;
  reset(): void;
  stop(): Promise<void>;
}

export const DEFAULT_BOT_TOKEN = "xoxb-demo-token";

export async function startSlackFake(options: SlackFakeOptions = {}): Promise<SlackFake> {
  const host = options.host ?? "127.0.0.1";
  const botToken = options.botToken ?? DEFAULT_BOT_TOKEN;
  let settings = defaultSettings(options.app);
  const startSettings = settings;
  let baseUrl = "";
  const events = new EventSender(() => settings, TEAM, APP);
  let pendingDelivery: DeliveryOptions | undefined;
  let lastEvent: SentEvent | undefined;
  const makeWorkspace = () =>
    new Workspace(options.channels ?? [], (change) => {
      const event = messageEvent(ws, change);
      if (event) lastEvent = events.send(event, pendingDelivery);
    });
  let ws = makeWorkspace();
  const interactions = new Interactions(() => ws, () => settings, () => baseUrl);
  const faults = new Faults(options.latencyMs ?? 0);
  const rateLimitConfig = options.rateLimit === false ? false : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const rateLimiter = new RateLimiter(rateLimitConfig);
  const calls: CallRecord[] = [];

  const sim: Simulator = {
    ws: () => ws,
    settings: () => settings,
    configure: (change) => {
      settings = checkSettings({ ...settings, ...change });
    },
    events,
    interactions,
    faults,
    rateLimiter,
    calls,
    counters: { api: 0, control: 0, byMethod: {}, rateLimited: 0 },
    botToken,
    baseUrl: () => baseUrl,
    emitting(delivery, change) {
      pendingDelivery = delivery;
      lastEvent = undefined;
      try {
        const result = change();
        return { result, ...(lastEvent ? { event: lastEvent } : {}) };
      } finally {
        pendingDelivery = undefined;
      }
    },
    reset() {
      events.clear();
      interactions.clear();
      faults.clear();
      rateLimiter.setConfig(rateLimitConfig);
      calls.length = 0;
      Object.assign(sim.counters, { api: 0, control: 0, byMethod: {}, rateLimited: 0 });
      settings = startSettings;
      ws = makeWorkspace();
    },
  };

  const control = new Router<ControlHandler>();
  controlRoutes(control, sim);

  async function serveControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    sim.counters.control++;
    const match = control.match(req.method ?? "GET", url.pathname);
    if (!match) return sendJson(res, 404, { error: `No control route ${req.method} ${url.pathname}` });
    try {
      const raw = await readBody(req);
      const body = raw.trim() === "" ? undefined : (JSON.parse(raw) as unknown);
      sendJson(res, 200, await match.handler({ body, params: match.params, query: url.searchParams }));
    } catch (err) {
      const code = err instanceof SlackApiError ? err.error : undefined;
      sendJson(res, 400, { error: (err as Error).message, ...(code ? { code } : {}) });
    }
  }

  function servePage(res: ServerResponse, url: URL): void {
    const refresh = url.searchParams.get("refresh") !== "off";
    const [, , channelId, messageRef] = url.pathname.split("/");
    const channel = url.pathname === "/" ? ws.channel(DEFAULT_CHANNEL, true) : ws.channel(channelId ?? "", true);
    if (!channel) return sendText(res, 404, "text/plain; charset=utf-8", "No such channel in this simulator.\n");
    // A permalink (/archives/C…/p…) opens the channel at the message.
    if (messageRef) return sendText(res, 302, "text/plain; charset=utf-8", "", { Location: `/archives/${channel.id}#${encodeURIComponent(messageRef)}` });
    sendText(res, 200, "text/html; charset=utf-8", channelPage(sim, channel, refresh));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", baseUrl);
    const path = url.pathname;
    if (path.startsWith("/_control/")) return serveControl(req, res, url);
    if (path.startsWith("/api/")) return serveApi(sim, req, res, path.slice("/api/".length), await readBody(req), url.searchParams);
    if (req.method === "POST" && (path.startsWith("/commands/") || path.startsWith("/app/"))) {
      const answer = interactions.responses.post(path, await readBody(req), req.headers["content-type"]);
      return sendJson(res, answer.status, answer.body);
    }
    if (req.method === "GET" && (path === "/" || /^\/archives\/[^/]+(\/[^/]+)?$/.test(path))) return servePage(res, url);
    sendText(res, 404, "text/plain; charset=utf-8", "Not found. The Web API is under /api/, the control API under /_control/.\n");
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { ok: false, error: "request_too_large" });
      console.error("slack simulator: request failed", err);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: "internal_error" });
      else res.destroy();
    });
  });
  baseUrl = await listen(server, options.port ?? 0, host);

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    botToken,
    workspace: () => ws,
    settings: () => settings,
    configure: sim.configure,
    events,
    interactions,
    faults,
    rateLimiter,
    calls: () => calls,
    stats: () => stats(sim),
    reset: () => sim.reset(),
    stop: async () => {
      events.stop();
      await close(server);
    },
  };
}
