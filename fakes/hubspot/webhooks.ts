import { createHmac } from "node:crypto";
import { Rng } from "./prng";
import type { ChangeEvent } from "./store/portal";

// Webhook delivery as HubSpot does it: events are batched (up to 100 per POST, after a short
// delay), shuffled (no order is guaranteed), signed with signature v3, and retried on 429, 5xx
// and connection errors with growing delays (HubSpot: up to 10 retries over about a day; here the
// delays are compressed and configurable). Other 4xx answers are not retried.

export interface WebhookConfig {
  targetUrl: string;
  clientSecret: string;
  enabled?: boolean;
  appId?: number;
  portalId?: number;
  /** How long events wait to be batched together (ms). Default 200. */
  batchDelayMs?: number;
  /** First retry delay (ms), doubling per attempt with jitter. Default 1000. */
  retryBaseMs?: number;
  /** Retries after the first attempt. Default 10, as HubSpot. */
  maxRetries?: number;
  /** How long a delivery may take before it counts as failed (ms). Default 5000. */
  timeoutMs?: number;
}

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  changeSource: string;
  [field: string]: unknown;
}

export interface DeliveryRecord {
  batchId: number;
  attemptNumber: number;
  eventCount: number;
  at: string;
  /** HTTP status, or the network error's message. */
  outcome: number | string;
  willRetry: boolean;
}

const SUBSCRIPTION_IDS: Record<string, number> = {
  "ticket.creation": 2_100_001,
  "ticket.propertyChange": 2_100_002,
  "ticket.deletion": 2_100_003,
  "ticket.associationChange": 2_100_004,
  "ticket.merge": 2_100_005,
  "conversation.newMessage": 2_100_006,
};

const MAX_BATCH = 100;
const KEPT_DELIVERIES = 500;

/** base64(HMAC-SHA256(secret, method + url + body + timestamp)): HubSpot's signature v3. */
export function signatureV3(clientSecret: string, method: string, url: string, body: string, timestamp: string): string {
  return createHmac("sha256", clientSecret).update(`${method}${url}${body}${timestamp}`).digest("base64");
}

export class WebhookSender {
  private config: Required<WebhookConfig>;
  private queue: WebhookEvent[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private readonly rng = new Rng(Date.now());
  // eventIds come from the wall clock so that a restarted simulator never repeats one: the app
  // deduplicates on eventId and would otherwise drop new events as duplicates.
  private nextEventId = Date.now() * 1000;
  private nextBatchId = 1;
  readonly deliveries: DeliveryRecord[] = [];
  readonly stats = { eventsQueued: 0, eventsDropped: 0, eventsDelivered: 0, eventsFailed: 0, attempts: 0 };
  private stopped = false;

  constructor(config: WebhookConfig | undefined) {
    this.config = withDefaults(config ?? { targetUrl: "", clientSecret: "", enabled: false });
  }

  configure(change: Partial<WebhookConfig>): void {
    this.config = withDefaults({ ...this.config, ...change });
  }

  settings(): Omit<Required<WebhookConfig>, "clientSecret"> & { hasSecret: boolean } {
    const { clientSecret, ...rest } = this.config;
    return { ...rest, hasSecret: clientSecret !== "" };
  }

  enqueue(change: ChangeEvent): void {
    if (this.stopped) return;
    if (!this.config.enabled || this.config.targetUrl === "") {
      this.stats.eventsDropped++;
      return;
    }
    const { subscriptionType } = change;
    this.queue.push({
      ...change,
      eventId: this.nextEventId++,
      subscriptionId: SUBSCRIPTION_IDS[subscriptionType] ?? 2_100_000,
      portalId: this.config.portalId,
      appId: this.config.appId,
      attemptNumber: 0,
    });
    this.stats.eventsQueued++;
    if (this.queue.length >= MAX_BATCH) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), this.config.batchDelayMs);
  }

  /** Sends what is queued now instead of after the batching delay. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (this.queue.length > 0) {
      const batch = this.rng.shuffle(this.queue.splice(0, MAX_BATCH));
      void this.deliver(this.nextBatchId++, batch, 0);
    }
  }

  /** Resolves once nothing is queued, in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  pending(): { queued: number; inFlight: number; retrying: number } {
    return { queued: this.queue.length, inFlight: this.inFlight, retrying: this.retryTimers.size };
  }

  /** Drops everything queued and stops retrying (reset and shutdown). */
  clear(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
    this.queue = [];
    this.notifyIfIdle();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && this.retryTimers.size === 0 && !this.flushTimer;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async deliver(batchId: number, events: WebhookEvent[], attemptNumber: number): Promise<void> {
    const { targetUrl, clientSecret, timeoutMs } = this.config;
    const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber })));
    const timestamp = String(Date.now());
    this.inFlight++;
    this.stats.attempts++;
    let outcome: number | string;
    try {
      const res = await fetch(targetUrl, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-HubSpot-Signature-v3": signatureV3(clientSecret, "POST", targetUrl, body, timestamp),
          "X-HubSpot-Request-Timestamp": timestamp,
          "User-Agent": "HubSpot Connect 2.0 (http://dev.hubspot.com/) (simulator)",
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer();
      outcome = res.status;
    } catch (err) {
      outcome = (err as Error).message;
    } finally {
      this.inFlight--;
    }
    const retryable = typeof outcome === "string" || outcome === 429 || outcome >= 500;
    const succeeded = typeof outcome === "number" && outcome >= 200 && outcome < 300;
    const willRetry = !succeeded && retryable && attemptNumber < this.config.maxRetries && !this.stopped;
    this.deliveries.push({ batchId, attemptNumber, eventCount: events.length, at: new Date().toISOString(), outcome, willRetry });
    if (this.deliveries.length > KEPT_DELIVERIES) this.deliveries.shift();
    if (succeeded) this.stats.eventsDelivered += events.length;
    else if (!willRetry) this.stats.eventsFailed += events.length;
    if (willRetry) {
      const delay = this.config.retryBaseMs * 2 ** attemptNumber * this.rng.between(0.75, 1.25);
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        void this.deliver(batchId, events, attemptNumber + 1);
      }, delay);
      this.retryTimers.add(timer);
    }
    this.notifyIfIdle();
  }
}

function withDefaults(c: WebhookConfig): Required<WebhookConfig> {
  return {
    targetUrl: c.targetUrl,
    clientSecret: c.clientSecret,
    enabled: c.enabled ?? true,
    appId: c.appId ?? 3_141_592,
    portalId: c.portalId ?? 24_681_357,
    batchDelayMs: c.batchDelayMs ?? 200,
    retryBaseMs: c.retryBaseMs ?? 1000,
    maxRetries: c.maxRetries ?? 10,
    timeoutMs: c.timeoutMs ?? 5000,
  };
}
