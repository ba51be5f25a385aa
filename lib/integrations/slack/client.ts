import { ErrorCode, LogLevel, WebClient, type WebAPICallResult } from "@slack/web-api";
import type { z } from "zod";
import { systemClock, type Clock } from "@/lib/clock";
import {
  authTestSchema,
  conversationInfoSchema,
  conversationListSchema,
  ephemeralSchema,
  historyPageSchema,
  permalinkSchema,
  postMessageSchema,
  updateMessageSchema,
  userInfoSchema,
  viewOpenSchema,
  type HistoryMessage,
  type SlackUserInfo,
} from "@/lib/integrations/slack/schema";

// The app's Slack client: the official WebClient pointed at SLACK_API_URL, with its own retries
// off so that this one decides what may be sent twice. A 429 means Slack did nothing: the call
// waits the Retry-After Slack gave and goes again, as often as it takes (up to a cap, after which
// the job retries later), so a rate limit delays messages but never loses one. Any other failure
// of a write (a timeout, a 5xx, internal_error) may or may not have happened in Slack, so it is
// thrown for the caller, which looks in the channel before posting again (lib/slack/post-once.ts).
// Calls that change nothing when repeated (reads, chat.update) are retried a few times.

export interface SlackClientOptions {
  token: string;
  /** Slack's Web API base, ending in "/" (https://slack.com/api/ or a simulator's <url>/api/). */
  apiUrl: string;
  clock?: Clock;
  /** Per request. Default 20 s. */
  timeoutMs?: number;
  /** The longest a call keeps waiting out rate limits before giving up (the job runs again later). Default 5 min. */
  maxRateLimitWaitMs?: number;
  log?: (line: string) => void;
}

/** Slack's `error` codes that say the request may have partly run and can be tried again. */
const TRANSIENT_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "team_added_to_org"]);

export class SlackError extends Error {
  constructor(
    /** Slack's error code (channel_not_found, …), or rate_limited, http_error, request_failed, invalid_response. */
    readonly code: string,
    readonly method: string,
    /** True when trying again later may succeed (and, for a write, it may have happened already). */
    readonly transient: boolean,
    message?: string,
    options?: { cause?: unknown },
  ) {
    super(message ?? `Slack ${method}: ${code}`, options);
    this.name = "SlackError";
  }
}

export interface MessageContent {
  /** The notification text and the fallback where blocks cannot be shown. */
  text: string;
  blocks?: unknown[];
}

const READ_ATTEMPTS = 3;

export class SlackClient {
  private readonly web: WebClient;
  private readonly clock: Clock;
  private readonly maxRateLimitWaitMs: number;
  private readonly log: (line: string) => void;
  /** Calls answered 429, for tests and logs. */
  rateLimited = 0;

  constructor(options: SlackClientOptions) {
    this.web = new WebClient(options.token, {
      slackApiUrl: options.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 20_000,
      logLevel: LogLevel.ERROR,
    });
    this.clock = options.clock ?? systemClock;
    this.maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 5 * 60_000;
    this.log = options.log ?? (() => undefined);
  }

  authTest() {
    return this.idempotent("auth.test", {}, authTestSchema);
  }

  async channelInfo(channel: string): Promise<{ id: string; name: string; is_member?: boolean | undefined }> {
    return (await this.idempotent("conversations.info", { channel }, conversationInfoSchema)).channel;
  }

  /** A channel by name among the public and private channels the token can see. */
  async findChannel(name: string): Promise<{ id: string; name: string; is_member?: boolean | undefined } | null> {
    let cursor: string | undefined;
    do {
      const page = await this.idempotent(
        "conversations.list",
        { types: "public_channel,private_channel", exclude_archived: true, limit: 1000, ...(cursor ? { cursor } : {}) },
        conversationListSchema,
      );
      const found = page.channels.find((channel) => channel.name === name);
      if (found) return found;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return null;
  }

  /** Posts once: never retried here except after a 429 (see above). `key` goes into the message's metadata. */
  postMessage(input: { channel: string; content: MessageContent; threadTs?: string; metadata?: { eventType: string; payload: Record<string, string> } }) {
    return this.once(
      "chat.postMessage",
      {
        channel: input.channel,
        text: input.content.text,
        ...(input.content.blocks ? { blocks: input.content.blocks } : {}),
        ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
        ...(input.metadata ? { metadata: { event_type: input.metadata.eventType, event_payload: input.metadata.payload } } : {}),
        unfurl_links: false,
        unfurl_media: false,
      },
      postMessageSchema,
    );
  }

  /** Replaces a message's text and blocks: the same update twice leaves the same message, so it is retried like a read. */
  updateMessage(input: { channel: string; ts: string; content: MessageContent }) {
    return this.idempotent("chat.update", { channel: input.channel, ts: input.ts, text: input.content.text, blocks: input.content.blocks ?? [] }, updateMessageSchema);
  }

  postEphemeral(input: { channel: string; user: string; text: string; threadTs?: string }) {
    return this.once("chat.postEphemeral", { channel: input.channel, user: input.user, text: input.text, ...(input.threadTs ? { thread_ts: input.threadTs } : {}) }, ephemeralSchema);
  }

  async permalink(channel: string, ts: string): Promise<string> {
    return (await this.idempotent("chat.getPermalink", { channel, message_ts: ts }, permalinkSchema)).permalink;
  }

  /**
   * The app's messages (with their metadata) posted since `oldest` (a Slack ts): in the channel,
   * or with `threadTs` in that thread. Used to find a post whose first attempt timed out.
   */
  async messagesSince(input: { channel: string; oldest: string; threadTs?: string }): Promise<HistoryMessage[]> {
    const found: HistoryMessage[] = [];
    let cursor: string | undefined;
    do {
      const args = { channel: input.channel, oldest: input.oldest, inclusive: true, include_all_metadata: true, limit: 200, ...(cursor ? { cursor } : {}) };
      const page = input.threadTs
        ? await this.idempotent("conversations.replies", { ...args, ts: input.threadTs }, historyPageSchema)
        : await this.idempotent("conversations.history", args, historyPageSchema);
      found.push(...page.messages);
      cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
    } while (cursor);
    return found;
  }

  async userInfo(user: string): Promise<SlackUserInfo> {
    return (await this.idempotent("users.info", { user }, userInfoSchema)).user;
  }

  /** The user with this email, or null (Slack answers users_not_found). */
  async userByEmail(email: string): Promise<SlackUserInfo | null> {
    try {
      return (await this.idempotent("users.lookupByEmail", { email }, userInfoSchema)).user;
    } catch (error) {
      if (error instanceof SlackError && error.code === "users_not_found") return null;
      throw error;
    }
  }

  /** Opens a modal; the trigger id is single-use and lives 3 s, so this is never retried. */
  async openView(triggerId: string, view: Record<string, unknown>): Promise<string> {
    return (await this.once("views.open", { trigger_id: triggerId, view }, viewOpenSchema)).view.id;
  }

  private idempotent<S extends z.ZodType>(method: string, args: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    return this.call(method, args, schema, READ_ATTEMPTS);
  }

  private once<S extends z.ZodType>(method: string, args: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    return this.call(method, args, schema, 1);
  }

  private async call<S extends z.ZodType>(method: string, args: Record<string, unknown>, schema: S, attempts: number): Promise<z.infer<S>> {
    let waited = 0;
    let attempt = 0;
    for (;;) {
      let result: WebAPICallResult;
      try {
        result = await this.web.apiCall(method, args);
      } catch (thrown) {
        const retryAfter = rateLimitSeconds(thrown);
        if (retryAfter !== null) {
          this.rateLimited += 1;
          const wait = retryAfter * 1000;
          if (waited + wait > this.maxRateLimitWaitMs) throw new SlackError("rate_limited", method, true, `Slack ${method}: rate limited for over ${Math.round(waited / 1000)} s`, { cause: thrown });
          this.log(`${method} rate limited, waiting ${retryAfter} s`);
          waited += wait;
          await this.clock.sleep(wait);
          continue;
        }
        const error = toSlackError(method, thrown);
        attempt += 1;
        if (!error.transient || attempt >= attempts) throw error;
        await this.clock.sleep(500 * 2 ** attempt);
        continue;
      }
      const parsed = schema.safeParse(result);
      if (!parsed.success) throw new SlackError("invalid_response", method, false, `Slack ${method}: unexpected answer (${parsed.error.issues[0]?.message ?? "invalid"})`);
      return parsed.data;
    }
  }
}

function rateLimitSeconds(error: unknown): number | null {
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (coded.code === ErrorCode.RateLimitedError && typeof coded.retryAfter === "number") return Math.max(1, coded.retryAfter);
  return null;
}

function toSlackError(method: string, error: unknown): SlackError {
  const coded = error as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  switch (coded.code) {
    case ErrorCode.PlatformError: {
      const code = coded.data?.error ?? "unknown_error";
      return new SlackError(code, method, TRANSIENT_ERRORS.has(code), `Slack ${method}: ${code}`, { cause: error });
    }
    case ErrorCode.HTTPError:
      return new SlackError("http_error", method, (coded.statusCode ?? 500) >= 500, `Slack ${method}: HTTP ${coded.statusCode ?? "error"}`, { cause: error });
    case ErrorCode.RequestError:
      return new SlackError("request_failed", method, true, `Slack ${method}: ${coded.message ?? "request failed"}`, { cause: error });
    default:
      return new SlackError("request_failed", method, true, `Slack ${method}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
