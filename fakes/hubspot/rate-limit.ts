import { randomUUID } from "node:crypto";
import { londonDate } from "./london-time";

// HubSpot's limits for a private app: a rolling 10-second burst budget, a daily budget per
// account (reset at midnight in the account's time zone, Europe/London here), and a separate
// per-second limit on the search endpoints, which also send no rate-limit headers. Only requests
// that are served count; rejected ones do not use up budget.

export interface RateLimitConfig {
  burstPer10s: number;
  searchPerSecond: number;
  daily?: number;
}

export type RateLimitTier = "free" | "professional" | "pack";

export const RATE_LIMIT_TIERS: Record<RateLimitTier, Required<RateLimitConfig>> = {
  free: { burstPer10s: 100, searchPerSecond: 5, daily: 250_000 },
  professional: { burstPer10s: 190, searchPerSecond: 5, daily: 625_000 },
  pack: { burstPer10s: 250, searchPerSecond: 5, daily: 1_000_000 },
};

const BURST_WINDOW_MS = 10_000;
const SEARCH_WINDOW_MS = 1_000;

export type RateDecision =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; body: Record<string, string> };

export class RateLimiter {
  private burst: number[] = [];
  private searches: number[] = [];
  private day = "";
  private usedToday = 0;
  rejected = 0;

  constructor(
    private config: RateLimitConfig | false,
    private readonly now: () => number,
  ) {}

  setConfig(config: RateLimitConfig | false): void {
    this.config = config;
    this.reset();
  }

  current(): RateLimitConfig | false {
    return this.config;
  }

  /** Forgets all usage: every budget is full again. */
  reset(): void {
    this.burst = [];
    this.searches = [];
    this.usedToday = 0;
  }

  check(kind: "standard" | "search"): RateDecision {
    const config = this.config;
    if (!config) return { ok: true, headers: {} };
    const now = this.now();
    const today = londonDate(now);
    if (today !== this.day) {
      this.day = today;
      this.usedToday = 0;
    }
    this.burst = this.burst.filter((t) => t > now - BURST_WINDOW_MS);
    this.searches = this.searches.filter((t) => t > now - SEARCH_WINDOW_MS);

    if (config.daily !== undefined && this.usedToday >= config.daily) return this.reject("DAILY", "You have reached your daily limit.");
    if (kind === "search") {
      if (this.searches.length >= config.searchPerSecond) return this.reject("SECONDLY", "You have reached your secondly limit.");
      this.searches.push(now);
      this.usedToday++;
      return { ok: true, headers: {} };
    }
    if (this.burst.length >= config.burstPer10s) {
      return this.reject("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.");
    }
    this.burst.push(now);
    this.usedToday++;
    const headers: Record<string, string> = {
      "X-HubSpot-RateLimit-Max": String(config.burstPer10s),
      "X-HubSpot-RateLimit-Remaining": String(config.burstPer10s - this.burst.length),
      "X-HubSpot-RateLimit-Interval-Milliseconds": String(BURST_WINDOW_MS),
    };
    if (config.daily !== undefined) {
      headers["X-HubSpot-RateLimit-Daily"] = String(config.daily);
      headers["X-HubSpot-RateLimit-Daily-Remaining"] = String(config.daily - this.usedToday);
    }
    return { ok: true, headers };
  }

  /**
   * HubSpot's 429: its body names the policy; per APIS.md it carries no Retry-After header, so
   * clients must back off on their own (the official client waits 10 s per attempt).
   */
  private reject(policyName: string, message: string): RateDecision {
    this.rejected++;
    return {
      ok: false,
      body: { status: "error", message, errorType: "RATE_LIMIT", correlationId: randomUUID(), policyName },
    };
  }
}
