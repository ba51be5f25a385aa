import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { BodyTooLargeError, close, listen, readBody, sendJson, sendText } from "../shared/http";
import { Router } from "../shared/router";
import type { DatasetOptions } from "./data/dataset";
import { badRequest, HubSpotError, notFound, unauthenticated } from "./errors";
import { Faults } from "./faults";
import { associationRoutes } from "./handlers/associations";
import { controlRoutes, stats, type Simulator, type SimulatorStats } from "./handlers/control";
import { conversationRoutes } from "./handlers/conversations";
import { crmObjectRoutes } from "./handlers/crm-objects";
import { homePage } from "./handlers/home";
import { pipelineAndOwnerRoutes } from "./handlers/pipelines-owners";
import { userRoutes } from "./handlers/users";
import { RATE_LIMIT_TIERS, RateLimiter, type RateLimitConfig } from "./rate-limit";
import type { RequestContext, Route } from "./routes";
import { Portal } from "./store/portal";
import { WebhookSender, type WebhookConfig } from "./webhooks";

// The HubSpot simulator: one node:http server speaking HubSpot's paths, shapes, paging, errors
// and limits, plus a separate control API under /_control/ for tests and demos.

export interface HubSpotFakeOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  host?: string;
  /** The private-app token the API accepts. Default "demo-hubspot-token". */
  accessToken?: string;
  /** Default: 300 tickets, seed 1. */
  dataset?: DatasetOptions;
  /** HubSpot's limits; false turns them off. Default: the Professional tier. */
  rateLimit?: RateLimitConfig | false;
  /** Extra time before every API answer (ms). */
  latencyMs?: number;
  /** How long a write takes to show up in search results (ms), as HubSpot's index lags. Default 0. */
  searchLagMs?: number;
  webhooks?: WebhookConfig;
  /** The clock; the control API can offset it. Default: the system clock. */
  now?: () => Date;
}

export interface HubSpotFake {
  url: string;
  accessToken: string;
  /** The simulated account; a reset replaces it. */
  portal(): Portal;
  readonly faults: Faults;
  readonly rateLimiter: RateLimiter;
  readonly webhooks: WebhookSender;
  stats(): ReturnType<typeof stats>;
  reset(dataset?: Partial<DatasetOptions>): void;
  stop(): Promise<void>;
}

export const DEFAULT_ACCESS_TOKEN = "demo-hubspot-token";

export async function startHubSpotFake(options: HubSpotFakeOptions = {}): Promise<HubSpotFake> {
  const accessToken = options.accessToken ?? DEFAULT_ACCESS_TOKEN;
  const host = options.host ?? "127.0.0.1";
  let clockOffsetMs = 0;
  const now = () => (options.now ? options.now().getTime() : Date.now()) + clockOffsetMs;
  const webhooks = new WebhookSender(options.webhooks);
  let datasetOptions: DatasetOptions = options.dataset ?? { tickets: 300 };
  // The data set is "as of" the start time, so a demo always has fresh, due-soon tickets.
  const anchor = now();
  const makePortal = () =>
    new Portal(
      { dataset: datasetOptions, now, searchLagMs: options.searchLagMs ?? 0, appId: webhooks.settings().appId, emit: (e) => webhooks.enqueue(e) },
      anchor,
    );
  let portal = makePortal();
  const faults = new Faults(now, options.latencyMs ?? 0);
  const rateLimiter = new RateLimiter(options.rateLimit ?? RATE_LIMIT_TIERS.professional, now);
  const counters: SimulatorStats = { requests: { api: 0, control: 0, byStatus: {} }, rateLimited: 0, droppedConnections: 0 };

  const sim: Simulator = {
    portal: () => portal,
    faults,
    rateLimiter,
    webhooks,
    counters,
    now,
    get clockOffsetMs() {
      return clockOffsetMs;
    },
    set clockOffsetMs(ms: number) {
      clockOffsetMs = ms;
    },
    reset(dataset) {
      if (dataset) datasetOptions = { ...datasetOptions, ...dataset };
      webhooks.clear();
      faults.clear();
      rateLimiter.reset();
      clockOffsetMs = 0;
      portal = makePortal();
    },
  };

  const api = new Router<Route>();
  crmObjectRoutes(api, sim.portal);
  pipelineAndOwnerRoutes(api, sim.portal);
  associationRoutes(api, sim.portal);
  conversationRoutes(api, sim.portal);
  userRoutes(api, sim.portal);
  const control = new Router<Route>();
  controlRoutes(control, sim);

  let baseUrl = "";
  const count = (status: number) => {
    counters.requests.byStatus[status] = (counters.requests.byStatus[status] ?? 0) + 1;
  };

  async function serveApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    counters.requests.api++;
    const method = req.method ?? "GET";
    const raw = await readHubSpotBody(req);
    const latency = faults.latency();
    if (latency > 0) await sleep(latency);
    const correlation = { "X-HubSpot-Correlation-Id": randomUUID() };
    const fail = (err: HubSpotError, headers: Record<string, string> = {}) => {
      count(err.httpStatus);
      sendHubSpotJson(res, err.httpStatus, err.body(), { ...correlation, ...headers });
    };
    if (req.headers.authorization !== `Bearer ${accessToken}`) return fail(unauthenticated());

    const match = api.match(method, url.pathname);
    const fault = faults.intercept(url.pathname);
    if (fault) {
      count(fault.status);
      return sendText(res, fault.status, fault.contentType, fault.body, { ...correlation, ...fault.headers });
    }
    const decision = rateLimiter.check(match?.handler.kind === "search" ? "search" : "standard");
    if (!decision.ok) {
      counters.rateLimited++;
      count(429);
      return sendHubSpotJson(res, 429, decision.body, correlation);
    }
    if (!match) return fail(notFound(`No HubSpot API at ${method} ${url.pathname} in this simulator`), decision.headers);
    try {
      const ctx: RequestContext = { method, path: url.pathname, query: url.searchParams, params: match.params, body: parseJson(raw), baseUrl };
      const result = await match.handler.handler(ctx);
      if (match.handler.kind === "write" && result.status < 300 && faults.takeDrop(url.pathname)) {
        // The write is committed; the client never hears about it.
        counters.droppedConnections++;
        req.socket.destroy();
        return;
      }
      count(result.status);
      sendHubSpotJson(res, result.status, result.body, { ...decision.headers, ...result.headers, ...correlation });
    } catch (err) {
      if (err instanceof HubSpotError) return fail(err, decision.headers);
      console.error("hubspot simulator: handler failed", err);
      fail(new HubSpotError(500, "INTERNAL_ERROR", "internal error"), decision.headers);
    }
  }

  async function serveControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    counters.requests.control++;
    const method = req.method ?? "GET";
    try {
      const raw = await readHubSpotBody(req);
      const match = control.match(method, url.pathname);
      if (!match) return sendHubSpotJson(res, 404, { error: `No control route ${method} ${url.pathname}` });
      const result = await match.handler.handler({ method, path: url.pathname, query: url.searchParams, params: match.params, body: parseJson(raw), baseUrl });
      sendHubSpotJson(res, result.status, result.body);
    } catch (err) {
      const status = err instanceof HubSpotError ? err.httpStatus : 400;
      sendHubSpotJson(res, status, { error: (err as Error).message });
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", baseUrl);
    let served: Promise<void>;
    if (url.pathname === "/" && req.method === "GET") {
      sendText(res, 200, "text/html; charset=utf-8", homePage(sim));
      return;
    } else if (url.pathname.startsWith("/_control/")) served = serveControl(req, res, url);
    else served = serveApi(req, res, url);
    served.catch((err: unknown) => {
      console.error("hubspot simulator: request failed", err);
      if (!res.headersSent) sendHubSpotJson(res, 500, { status: "error", message: "internal error", correlationId: randomUUID(), category: "INTERNAL_ERROR" });
      else res.destroy();
    });
  });

  baseUrl = await listen(server, options.port ?? 0, host);

  return {
    url: baseUrl,
    accessToken,
    portal: () => portal,
    faults,
    rateLimiter,
    webhooks,
    stats: () => stats(sim),
    reset: (dataset) => sim.reset(dataset),
    stop: async () => {
      webhooks.stop();
      await close(server);
    },
  };
}

/** HubSpot's spelling of the JSON content type (no space after the semicolon). */
const HUBSPOT_JSON = "application/json;charset=utf-8";

function sendHubSpotJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, headers, HUBSPOT_JSON);
}

/** The request body; an oversized one is refused with HubSpot's 400. */
async function readHubSpotBody(req: IncomingMessage): Promise<string> {
  try {
    return await readBody(req);
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw badRequest("Request body too large");
    throw err;
  }
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw badRequest(`Invalid input JSON on line 1: ${(err as Error).message}`);
  }
}
