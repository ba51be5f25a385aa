// A minimal method + path router: HubSpot's paths are fixed templates with ":name" segments.

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
  method: string;
  pattern: string;
  kind: RouteKind;
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: string[];
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(method: string, pattern: string, kind: RouteKind, handler: Handler): this {
    this.routes.push({ method, pattern, kind, handler, segments: split(pattern) });
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((seg, i) => {
        const part = parts[i]!;
        if (seg.startsWith(":")) {
          params[seg.slice(1)] = decodeURIComponent(part);
          return true;
        }
        return seg === part;
      });
      if (ok) return { route, params };
    }
    return undefined;
  }
}

/** Trailing slashes are ignored: the official client calls both /settings/v3/users and .../users/. */
function split(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}
