import { wholeSeconds } from "./rate-limit";

// Faults tests can switch on: a window in which every call (or some methods) is rate-limited,
// random errors, chosen errors for the next calls of a method, and extra latency.

export interface FaultSettings {
  /** Answer 429 (with Retry-After = the time left) for this many seconds from now. */
  rateLimit?: { seconds: number; methods?: string[] };
  /** The share of calls (0..1) that fail with `errorStatus`. */
  errorRate?: number;
  /** 200 answers {ok:false, error:"internal_error"} as Slack does; another status is an HTTP failure. Default 200. */
  errorStatus?: number;
  latencyMs?: number;
  /** The next `count` calls (default 1) of `method` answer {ok:false, error}. */
  methodErrors?: { method: string; error: string; count?: number }[];
}

export type FaultDecision = { kind: "rate_limited"; retryAfterSeconds: number } | { kind: "error"; status: number; error: string };

export class Faults {
  private rateLimitedUntil = 0;
  private rateLimitedMethods: string[] | undefined;
  private errorRate = 0;
  private errorStatus = 200;
  private latencyMs: number;
  private methodErrors: { method: string; error: string; count: number }[] = [];
  readonly injected = { rateLimited: 0, errors: 0 };

  /** `baseLatencyMs` is the start-up setting that clear() returns to. */
  constructor(private readonly baseLatencyMs = 0) {
    this.latencyMs = baseLatencyMs;
  }

  /** Merges the given settings into the current ones. */
  set(settings: FaultSettings): void {
    if (settings.rateLimit) {
      const { seconds, methods } = settings.rateLimit;
      if (!Number.isFinite(seconds) || seconds < 0) throw new Error("rateLimit.seconds must be a non-negative number");
      this.rateLimitedUntil = Date.now() + seconds * 1000;
      this.rateLimitedMethods = methods?.length ? methods : undefined;
    }
    if (settings.errorRate !== undefined) {
      if (!(settings.errorRate >= 0 && settings.errorRate <= 1)) throw new Error("errorRate must be between 0 and 1");
      this.errorRate = settings.errorRate;
    }
    if (settings.errorStatus !== undefined) {
      if (!Number.isInteger(settings.errorStatus) || settings.errorStatus < 200 || settings.errorStatus > 599) throw new Error("errorStatus must be an HTTP status");
      this.errorStatus = settings.errorStatus;
    }
    if (settings.latencyMs !== undefined) {
      if (!(settings.latencyMs >= 0)) throw new Error("latencyMs must be a non-negative number");
      this.latencyMs = settings.latencyMs;
    }
    for (const e of settings.methodErrors ?? []) {
      if (typeof e.method !== "string" || typeof e.error !== "string") throw new Error("methodErrors need a method and an error");
      this.methodErrors.push({ method: e.method, error: e.error, count: e.count ?? 1 });
    }
  }

  clear(): void {
    this.rateLimitedUntil = 0;
    this.rateLimitedMethods = undefined;
    this.errorRate = 0;
    this.errorStatus = 200;
    this.latencyMs = this.baseLatencyMs;
    this.methodErrors = [];
  }

  latency(): number {
    return this.latencyMs;
  }

  /** The fault this call meets, if any: a forced rate limit first, then chosen and random errors. */
  intercept(method: string, now = Date.now()): FaultDecision | undefined {
    if (now < this.rateLimitedUntil && (!this.rateLimitedMethods || this.rateLimitedMethods.includes(method))) {
      this.injected.rateLimited++;
      return { kind: "rate_limited", retryAfterSeconds: wholeSeconds(this.rateLimitedUntil - now) };
    }
    const chosen = this.methodErrors.find((e) => e.method === method && e.count > 0);
    if (chosen) {
      chosen.count--;
      this.methodErrors = this.methodErrors.filter((e) => e.count > 0);
      this.injected.errors++;
      return { kind: "error", status: 200, error: chosen.error };
    }
    if (this.errorRate > 0 && Math.random() < this.errorRate) {
      this.injected.errors++;
      return { kind: "error", status: this.errorStatus, error: "internal_error" };
    }
    return undefined;
  }

  describe() {
    const now = Date.now();
    return {
      rateLimit: now < this.rateLimitedUntil ? { until: new Date(this.rateLimitedUntil).toISOString(), methods: this.rateLimitedMethods ?? null } : null,
      errorRate: this.errorRate,
      errorStatus: this.errorStatus,
      latencyMs: this.latencyMs,
      methodErrors: this.methodErrors,
      injected: { ...this.injected },
    };
  }
}
