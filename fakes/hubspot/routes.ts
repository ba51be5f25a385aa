import type { Router } from "../shared/router";

// What the HubSpot simulator's routes look like; matching is the shared router's (fixed templates
// with ":name" segments; trailing slashes are ignored, as the official client calls both
// /settings/v3/users and .../users/).

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  /** The server's own origin, for paging links. */
  baseUrl: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** For the HTML page only. */
  html?: string;
}

export type Handler = (ctx: RequestContext) => HandlerResult | Promise<HandlerResult>;

/**
 * How the rate limiter and fault injector treat a route: search has its own per-second limit and
 * no rate-limit headers; writes are what "drop the connection after commit" applies to.
 */
export type RouteKind = "read" | "write" | "search";

export interface Route {
  kind: RouteKind;
  handler: Handler;
}

export type HubSpotRouter = Router<Route>;

/** A route's entry in the router: `router.add("GET", "/crm/v3/owners", route("read", handler))`. */
export function route(kind: RouteKind, handler: Handler): Route {
  return { kind, handler };
}
