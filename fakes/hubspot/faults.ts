import { randomUUID } from "node:crypto";
import { Rng } from "./prng";

// Faults injected on request through the control API, to test the app's resilience:
//  - errorRate: a fraction of API requests answered with a 5xx before they are handled;
//  - latencyMs: extra time before every API answer;
//  - status: every API request answered with one status (e.g. 429 or 503) for N seconds;
//  - dropAfterCommit: the next N writes are applied, then the connection is destroyed without
//    an answer, so the client cannot know that its write succeeded.
// HubSpot's gateway answers 502 and 504 with an HTML page, not JSON, and so does the simulator.

export interface FaultSettings {
  errorRate?: number;
  errorStatuses?: number[];
  latencyMs?: number;
  status?: { code: number; seconds: number; pathPrefix?: string; retryAfterSeconds?: number };
  dropAfterCommit?: { count: number; pathPrefix?: string };
}

export interface FaultResponse {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
}

export interface FaultState {
  errorRate: number;
  errorStatuses: number[];
  latencyMs: number;
  status: { code: number; until: string; pathPrefix?: string; retryAfterSeconds?: number } | null;
  dropAfterCommit: { remaining: number; pathPrefix?: string } | null;
  injected: { errors: number; statusResponses: number; droppedWrites: number };
}

const DEFAULT_ERROR_STATUSES = [500, 502, 503, 504];

export class Faults {
  private errorRate = 0;
  private errorStatuses = DEFAULT_ERROR_STATUSES;
  private latencyMs: number;
  private status: { code: number; until: number; pathPrefix?: string; retryAfterSeconds?: number } | null = null;
  private drops: { remaining: number; pathPrefix?: string } | null = null;
  private readonly rng = new Rng(0xfa17);
  readonly injected = { errors: 0, statusResponses: 0, droppedWrites: 0 };

  constructor(
    private readonly now: () => number,
    private readonly baseLatencyMs: number,
  ) {
    this.latencyMs = baseLatencyMs;
  }

  set(settings: FaultSettings): void {
    if (settings.errorRate !== undefined) {
      if (!(settings.errorRate >= 0 && settings.errorRate <= 1)) throw new Error("errorRate must be between 0 and 1");
      this.errorRate = settings.errorRate;
    }
    if (settings.errorStatuses !== undefined) {
      if (settings.errorStatuses.length === 0 || settings.errorStatuses.some((s) => !Number.isInteger(s) || s < 500 || s > 599)) {
        throw new Error("errorStatuses must be 5xx codes");
      }
      this.errorStatuses = settings.errorStatuses;
    }
    if (settings.latencyMs !== undefined) {
      if (!(settings.latencyMs >= 0)) throw new Error("latencyMs must be >= 0");
      this.latencyMs = settings.latencyMs;
    }
    if (settings.status !== undefined) {
      const { code, seconds, pathPrefix, retryAfterSeconds } = settings.status;
      if (!Number.isInteger(code) || code < 400 || code > 599) throw new Error("status.code must be a 4xx or 5xx status");
      if (!(seconds > 0)) throw new Error("status.seconds must be > 0");
      this.status = { code, until: this.now() + seconds * 1000, ...(pathPrefix ? { pathPrefix } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
    }
    if (settings.dropAfterCommit !== undefined) {
      const { count, pathPrefix } = settings.dropAfterCommit;
      if (!Number.isInteger(count) || count < 0) throw new Error("dropAfterCommit.count must be an integer >= 0");
      this.drops = count > 0 ? { remaining: count, ...(pathPrefix ? { pathPrefix } : {}) } : null;
    }
  }

  clear(): void {
    this.errorRate = 0;
    this.errorStatuses = DEFAULT_ERROR_STATUSES;
    this.latencyMs = this.baseLatencyMs;
    this.status = null;
    this.drops = null;
  }

  describe(): FaultState {
    const status = this.activeStatus();
    return {
      errorRate: this.errorRate,
      errorStatuses: this.errorStatuses,
      latencyMs: this.latencyMs,
      status: status && { ...status, until: new Date(status.until).toISOString() },
      dropAfterCommit: this.drops,
      injected: { ...this.injected },
    };
  }

  latency(): number {
    return this.latencyMs;
  }

  /** An answer to send instead of handling the request, if a fault applies. */
  intercept(path: string): FaultResponse | undefined {
    const status = this.activeStatus();
    if (status && (!status.pathPrefix || path.startsWith(status.pathPrefix))) {
      this.injected.statusResponses++;
      const response = errorResponse(status.code);
      if (status.retryAfterSeconds !== undefined) response.headers["Retry-After"] = String(status.retryAfterSeconds);
      return response;
    }
    if (this.errorRate > 0 && this.rng.chance(this.errorRate)) {
      this.injected.errors++;
      return errorResponse(this.rng.pick(this.errorStatuses));
    }
    return undefined;
  }

  /** Whether to destroy the connection after this (committed) write; counts it down. */
  takeDrop(path: string): boolean {
    const drops = this.drops;
    if (!drops || (drops.pathPrefix && !path.startsWith(drops.pathPrefix))) return false;
    drops.remaining--;
    if (drops.remaining <= 0) this.drops = null;
    this.injected.droppedWrites++;
    return true;
  }

  private activeStatus() {
    if (this.status && this.now() >= this.status.until) this.status = null;
    return this.status;
  }
}

function errorResponse(code: number): FaultResponse {
  const json = (body: Record<string, unknown>): FaultResponse => ({
    status: code,
    body: JSON.stringify({ status: "error", correlationId: randomUUID(), ...body }),
    contentType: "application/json;charset=utf-8",
    headers: {},
  });
  const html = (title: string): FaultResponse => ({
    status: code,
    body: `<html>\n<head><title>${code} ${title}</title></head>\n<body>\n<center><h1>${code} ${title}</h1></center>\n<hr><center>cloudflare</center>\n</body>\n</html>\n`,
    contentType: "text/html",
    headers: {},
  });
  switch (code) {
    case 429:
      return json({ message: "You have reached your ten_secondly_rolling limit.", errorType: "RATE_LIMIT", policyName: "TEN_SECONDLY_ROLLING" });
    case 500:
      return json({ message: "internal error", category: "INTERNAL_ERROR" });
    case 502:
      return html("Bad Gateway");
    case 504:
      return html("Gateway Time-out");
    case 503:
      return json({ message: "Service Unavailable", category: "SERVICE_UNAVAILABLE" });
    default:
      return json({ message: `Injected fault: HTTP ${code}`, category: code >= 500 ? "INTERNAL_ERROR" : "VALIDATION_ERROR" });
  }
}
