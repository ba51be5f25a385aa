// Slack's rate limits, per app and workspace: chat.postMessage allows about one message per
// second per channel after a short burst; other methods have per-minute tiers (Tier 2: 20,
// Tier 3: 50, Tier 4: 100 calls a minute). A limited call gets HTTP 429 with Retry-After in whole
// seconds. Rejected calls use no budget.

export interface RateLimitConfig {
  /** chat.postMessage's sustained pace per channel. Slack: 1. */
  postMessagePerSecond: number;
  /** How many chat.postMessage calls a quiet channel takes at once. */
  postMessageBurst: number;
  /** Apply the per-minute tiers to the other methods. */
  tiers: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { postMessagePerSecond: 1, postMessageBurst: 5, tiers: true };

/** Each method's tier, from its page in Slack's method reference. */
const METHOD_TIERS: Record<string, 2 | 3 | 4> = {
  "chat.update": 3,
  "chat.delete": 3,
  "chat.postEphemeral": 4,
  "chat.getPermalink": 4,
  "conversations.info": 3,
  "conversations.list": 2,
  "conversations.history": 3,
  "conversations.replies": 3,
  "users.info": 4,
  "users.lookupByEmail": 3,
  "users.list": 2,
  "views.open": 4,
};

const PER_MINUTE: Record<2 | 3 | 4, number> = { 2: 20, 3: 50, 4: 100 };
const MINUTE_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly windows = new Map<string, number[]>();

  constructor(private config: RateLimitConfig | false) {}

  current(): RateLimitConfig | false {
    return this.config;
  }

  setConfig(config: RateLimitConfig | false): void {
    this.config = config;
    this.reset();
  }

  /** Forgets all usage: every budget is full again. */
  reset(): void {
    this.buckets.clear();
    this.windows.clear();
  }

  check(method: string, channel: string | undefined, now = Date.now()): RateDecision {
    const config = this.config;
    if (!config) return { ok: true };
    if (method === "chat.postMessage") return this.takeFromBucket(config, channel ?? "", now);
    const tier = METHOD_TIERS[method];
    if (!tier || !config.tiers) return { ok: true };
    const calls = (this.windows.get(method) ?? []).filter((t) => t > now - MINUTE_MS);
    this.windows.set(method, calls);
    if (calls.length >= PER_MINUTE[tier]) return { ok: false, retryAfterSeconds: wholeSeconds(calls[0]! + MINUTE_MS - now) };
    calls.push(now);
    return { ok: true };
  }

  /** A token bucket per channel: `burst` tokens, refilled at `postMessagePerSecond`. */
  private takeFromBucket(config: RateLimitConfig, channel: string, now: number): RateDecision {
    const bucket = this.buckets.get(channel) ?? { tokens: config.postMessageBurst, at: now };
    bucket.tokens = Math.min(config.postMessageBurst, bucket.tokens + ((now - bucket.at) / 1000) * config.postMessagePerSecond);
    bucket.at = now;
    this.buckets.set(channel, bucket);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: wholeSeconds(((1 - bucket.tokens) / config.postMessagePerSecond) * 1000) };
    bucket.tokens -= 1;
    return { ok: true };
  }
}

/** Retry-After is whole seconds, and never 0 (a client would retry at once). */
export function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
