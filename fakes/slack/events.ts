import { randomBytes } from "node:crypto";
import { postToApp, succeeded, type DeliveryOutcome } from "./deliver";
import type { AppInfo, TeamInfo } from "./directory";
import { IdSequence } from "./ids";
import type { AppSettings } from "./settings";
import { signatureHeaders, type Tamper } from "./signing";

// Events API delivery as Slack does it: each event is POSTed as JSON in an event_callback
// envelope, signed (v0). An answer other than 2xx within the deadline is retried up to 3 times,
// with the same event_id and the headers X-Slack-Retry-Num and X-Slack-Retry-Reason, unless the
// app answered with X-Slack-No-Retry: 1. Tests can also ask for an event to arrive N times.

export interface DeliveryOptions {
  /** Deliver this many times whatever the app answers (retries 1..N-1 say http_timeout). */
  times?: number;
  /** With `times`: send all copies at once, as Slack's timeout retries overlap a slow answer. */
  concurrent?: boolean;
  tamper?: Tamper;
}

export interface DeliveryRecord {
  eventId: string;
  /** The inner event's type, with its subtype: "message", "message/message_changed". */
  eventType: string;
  /** 0 for the first delivery; the X-Slack-Retry-Num of a retry. */
  retryNum: number;
  retryReason?: string;
  at: string;
  status?: number;
  /** The start of the app's answer. */
  body?: string;
  error?: string;
  ms: number;
  willRetry: boolean;
  tamper?: Tamper;
}

export interface SentEvent {
  eventId: string;
  envelope: Record<string, unknown>;
  /**
   * "delivered" once the app answered 2xx; "failed" when no attempt was answered 2xx and none is
   * left; "dropped" when events are off or have no URL.
   */
  state: "queued" | "delivered" | "failed" | "dropped";
  attempts: number;
}

const KEPT = 1000;

export class EventSender {
  readonly sent: SentEvent[] = [];
  readonly deliveries: DeliveryRecord[] = [];
  readonly stats = { events: 0, dropped: 0, delivered: 0, failed: 0, attempts: 0 };
  private readonly ids = new IdSequence("Ev0");
  private readonly retries = new Map<NodeJS.Timeout, () => void>();
  private inFlight = 0;
  private fastForward = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly settings: () => AppSettings,
    private readonly team: TeamInfo,
    private readonly app: AppInfo,
  ) {}

  /** Wraps the event in Slack's envelope and delivers it (in the background). */
  send(event: Record<string, unknown>, options: DeliveryOptions = {}): SentEvent {
    const eventId = this.ids.take();
    const envelope = this.envelope(eventId, event);
    const { eventsUrl, eventsEnabled } = this.settings();
    const record: SentEvent = { eventId, envelope, state: "queued", attempts: 0 };
    this.keep(this.sent, record);
    this.stats.events++;
    if (this.stopped || !eventsEnabled || eventsUrl === "") {
      record.state = "dropped";
      this.stats.dropped++;
      return record;
    }
    const times = Math.max(1, Math.floor(options.times ?? 1));
    const delivery = { ...options, times };
    if (times > 1 && options.concurrent) {
      let pending = times;
      for (let n = 0; n < times; n++) {
        void this.attempt(record, n, delivery, n === 0 ? undefined : "http_timeout", () => {
          if (--pending === 0) this.finish(record);
        });
      }
    } else {
      void this.attempt(record, 0, delivery);
    }
    return record;
  }

  /** Slack's check of a new Request URL: the app must answer with the challenge. */
  async verifyUrl(url = this.settings().eventsUrl): Promise<{ ok: boolean; challenge: string; status?: number; body?: string; error?: string }> {
    const challenge = randomBytes(24).toString("base64url");
    const body = JSON.stringify({ token: this.settings().verificationToken, challenge, type: "url_verification" });
    const outcome = await this.post(url, body);
    return { ok: answeredChallenge(outcome, challenge), challenge, ...describe(outcome) };
  }

  /** Runs waiting retries now and resolves once nothing is in flight or waiting. */
  async flush(): Promise<void> {
    this.fastForward++;
    try {
      for (const [timer, run] of this.retries) {
        clearTimeout(timer);
        this.retries.delete(timer);
        run();
      }
      await this.idle();
    } finally {
      this.fastForward--;
    }
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  pending(): { inFlight: number; retrying: number } {
    return { inFlight: this.inFlight, retrying: this.retries.size };
  }

  /** Forgets the logs and drops waiting retries (reset). */
  clear(): void {
    for (const timer of this.retries.keys()) clearTimeout(timer);
    this.retries.clear();
    this.sent.length = 0;
    this.deliveries.length = 0;
    Object.assign(this.stats, { events: 0, dropped: 0, delivered: 0, failed: 0, attempts: 0 });
    this.notifyIfIdle();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private envelope(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
    const eventTime = Math.floor(Date.now() / 1000);
    return {
      token: this.settings().verificationToken,
      team_id: this.team.id,
      context_team_id: this.team.id,
      context_enterprise_id: null,
      api_app_id: this.app.id,
      event: { ...event, event_ts: event.event_ts ?? event.ts ?? `${eventTime}.000000` },
      type: "event_callback",
      event_id: eventId,
      event_time: eventTime,
      authorizations: [{ enterprise_id: null, team_id: this.team.id, user_id: this.app.botUserId, is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-${Buffer.from(JSON.stringify({ id: eventId, tid: this.team.id, aid: this.app.id })).toString("base64url")}`,
    };
  }

  private async attempt(record: SentEvent, retryNum: number, options: DeliveryOptions & { times: number }, reason?: string, done?: () => void): Promise<void> {
    const forced = options.times > 1;
    const headers: Record<string, string> = reason ? { "X-Slack-Retry-Num": String(retryNum), "X-Slack-Retry-Reason": reason } : {};
    this.inFlight++;
    this.stats.attempts++;
    record.attempts++;
    const outcome = await this.post(this.settings().eventsUrl, JSON.stringify(record.envelope), headers, options.tamper);
    this.inFlight--;
    const ok = succeeded(outcome);
    if (ok) record.state = "delivered";
    const noRetry = outcome.headers?.get("x-slack-no-retry") === "1";
    const delays = this.settings().retryDelaysMs;
    const retryAgain = forced ? !options.concurrent && retryNum + 1 < options.times : !ok && !noRetry && retryNum < delays.length;
    const willRetry = retryAgain && !this.stopped;
    this.keep(this.deliveries, {
      eventId: record.eventId,
      eventType: eventType(record.envelope),
      retryNum,
      ...(reason ? { retryReason: reason } : {}),
      at: new Date().toISOString(),
      ...describe(outcome),
      ms: outcome.ms,
      willRetry,
      ...(options.tamper ? { tamper: options.tamper } : {}),
    });
    if (willRetry) {
      // A forced copy says http_timeout: Slack's duplicates come from answers that were too slow.
      const run = () => void this.attempt(record, retryNum + 1, options, forced ? "http_timeout" : retryReason(outcome));
      const delay = forced || this.fastForward > 0 ? 0 : delays[retryNum]!;
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        run();
      }, delay);
      this.retries.set(timer, run);
    } else if (done) {
      done();
    } else {
      this.finish(record);
    }
    this.notifyIfIdle();
  }

  private finish(record: SentEvent): void {
    if (record.state === "queued") record.state = "failed";
    if (record.state === "delivered") this.stats.delivered++;
    else this.stats.failed++;
  }

  private post(url: string, body: string, headers: Record<string, string> = {}, tamper?: Tamper): Promise<DeliveryOutcome> {
    const { signingSecret, timeoutMs } = this.settings();
    return postToApp(url, body, { "Content-Type": "application/json", ...headers, ...signatureHeaders(signingSecret, body, tamper) }, timeoutMs);
  }

  private keep<T>(list: T[], item: T): void {
    list.push(item);
    if (list.length > KEPT) list.shift();
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && this.retries.size === 0;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Slack's names for why it retries. */
function retryReason(outcome: DeliveryOutcome): string {
  if (outcome.status !== undefined) return "http_error";
  return outcome.error === "timeout" ? "http_timeout" : "connection_failed";
}

function eventType(envelope: Record<string, unknown>): string {
  const event = envelope.event as { type?: string; subtype?: string };
  return event.subtype ? `${event.type}/${event.subtype}` : String(event.type);
}

function describe(outcome: DeliveryOutcome): { status?: number; error?: string; body?: string } {
  return outcome.status !== undefined ? { status: outcome.status, body: outcome.body?.slice(0, 500) } : { error: outcome.error ?? "unknown_error" };
}

/** The challenge may come back as plain text, as JSON {challenge}, or form-encoded. */
function answeredChallenge(outcome: DeliveryOutcome, challenge: string): boolean {
  if (!succeeded(outcome) || outcome.body === undefined) return false;
  const body = outcome.body.trim();
  if (body === challenge) return true;
  try {
    return (JSON.parse(body) as { challenge?: unknown }).challenge === challenge;
  } catch {
    return new URLSearchParams(body).get("challenge") === challenge;
  }
}
