import { controlRequest, queryString } from "../shared/control-fetch";
import type { ControlEditInput, ControlPostInput } from "./control-messages";
import type { DeliveryOptions, DeliveryRecord, SentEvent } from "./events";
import type { FaultSettings } from "./faults";
import type { InteractionRecord, OpenedView, ShortcutInput, SlashCommandInput, ViewSubmissionInput } from "./interactions";
import type { ResponseUrlPost } from "./response-urls";
import type { RateLimitConfig } from "./rate-limit";
import type { AppSettings } from "./settings";
import type { CallRecord } from "./simulator";
import type { EphemeralMessage, NewChannelInput, NewUserInput } from "./workspace";

export { ControlError as SlackControlError } from "../shared/control-fetch";

// A typed client for the Slack simulator's control API (/_control/), for the app's tests and the
// demo scripts. It talks HTTP, so it works against a simulator in another process (cli.ts).

/** A message in Slack's shape (type, user, bot_id, text, ts, thread_ts, blocks, ...) plus where it is. */
export type ControlMessage = Record<string, unknown> & {
  type: "message";
  subtype?: string;
  user?: string;
  bot_id?: string;
  text: string;
  ts: string;
  thread_ts?: string;
  blocks?: unknown[];
  channel: string;
  /** api: the app's Web API call; control: a person or another app here; response_url: the app's answer to an interaction. */
  origin: "api" | "control" | "response_url";
  permalink: string;
};

export interface ChannelContents {
  channel: { id: string; name: string };
  /** Oldest first; each root with its replies, oldest first. */
  messages: (ControlMessage & { replies: ControlMessage[] })[];
  /** Replies posted with a thread_ts that matched no message. */
  orphanReplies: ControlMessage[];
}

export interface EventResult {
  eventId: string;
  state: SentEvent["state"];
}

export interface PublicAppSettings extends Omit<AppSettings, "signingSecret"> {
  hasSigningSecret: boolean;
}

export interface EventState {
  settings: PublicAppSettings;
  stats: { events: number; dropped: number; delivered: number; failed: number; attempts: number };
  pending: { inFlight: number; retrying: number };
  sent: SentEvent[];
  deliveries: DeliveryRecord[];
}

export interface WorkspaceSummary {
  team: { id: string; name: string; domain: string };
  app: { id: string; botId: string; botUserId: string; name: string };
  /** Slack's user objects (users.info shape). */
  users: (Record<string, unknown> & { id: string; name: string; real_name: string; is_bot: boolean; profile: { email?: string } })[];
  channels: ChannelSummary[];
}

export interface ChannelSummary {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  botIsMember: boolean;
  members: string[];
}

export class SlackControlClient {
  /** `url` is the simulator's base URL, e.g. http://127.0.0.1:3003. */
  constructor(private readonly url: string) {}

  stats(): Promise<Record<string, unknown>> {
    return this.call("GET", "/_control/stats");
  }

  /** Back to the starting workspace and settings; logs, faults, limits and pending events cleared. */
  async reset(): Promise<void> {
    await this.call("POST", "/_control/reset");
  }

  workspace(): Promise<WorkspaceSummary> {
    return this.call("GET", "/_control/workspace");
  }

  addUser(input: NewUserInput): Promise<WorkspaceSummary["users"][number]> {
    return this.call("POST", "/_control/users", input);
  }

  addChannel(input: NewChannelInput): Promise<ChannelSummary> {
    return this.call("POST", "/_control/channels", input);
  }

  // ---- people and other apps write in channels (the app gets the events) --------------

  /** A message from a person (by id or email; default the first team member) or, with bot: "other", another app. */
  postMessage(input: ControlPostInput): Promise<{ message: ControlMessage; event?: EventResult }> {
    return this.call("POST", "/_control/messages", input);
  }

  /** A person's reply in a thread: the comment the app turns into a note. */
  postReply(channel: string, threadTs: string, user: string, text: string, delivery?: DeliveryOptions): Promise<{ message: ControlMessage; event?: EventResult }> {
    return this.postMessage({ channel, threadTs, user, text, ...(delivery ? { delivery } : {}) });
  }

  /** The author edits the message (event subtype message_changed). */
  editMessage(channel: string, ts: string, input: ControlEditInput): Promise<{ message: ControlMessage; event?: EventResult }> {
    return this.call("PATCH", `/_control/channels/${encodeURIComponent(channel)}/messages/${ts}`, input);
  }

  /** Deletes the message (event subtype message_deleted). */
  deleteMessage(channel: string, ts: string, delivery?: DeliveryOptions): Promise<{ deleted: ControlMessage; event?: EventResult }> {
    return this.call("DELETE", `/_control/channels/${encodeURIComponent(channel)}/messages/${ts}`, delivery ? { delivery } : undefined);
  }

  /** A channel (id or name) as people see it: messages with their threads, oldest first. */
  readChannel(channel: string): Promise<ChannelContents> {
    return this.call("GET", `/_control/channels/${encodeURIComponent(channel)}/messages`);
  }

  // ---- what the app did -------------------------------------------------------------------

  /** Every message the app posted (Web API and response_url), oldest first. */
  async posted(): Promise<ControlMessage[]> {
    return (await this.call<{ results: ControlMessage[] }>("GET", "/_control/posted")).results;
  }

  /** The app's Web API calls, in order (optionally one method's). */
  async calls(method?: string): Promise<CallRecord[]> {
    return (await this.call<{ results: CallRecord[] }>("GET", `/_control/calls${queryString({ method })}`)).results;
  }

  async ephemeral(filter: { user?: string; channel?: string } = {}): Promise<EphemeralMessage[]> {
    return (await this.call<{ results: EphemeralMessage[] }>("GET", `/_control/ephemeral${queryString(filter)}`)).results;
  }

  // ---- interactivity -------------------------------------------------------------------

  /** Runs a slash command: Slack POSTs it to the app and this returns what the app answered. */
  slashCommand(input: SlashCommandInput): Promise<InteractionRecord> {
    return this.call("POST", "/_control/commands", input);
  }

  /** Uses a message shortcut on a message (a thread reply or a root). */
  messageShortcut(input: ShortcutInput): Promise<InteractionRecord> {
    return this.call("POST", "/_control/shortcuts", input);
  }

  /** Modals the app opened (views.open), with their state. */
  async views(): Promise<OpenedView[]> {
    return (await this.call<{ results: OpenedView[] }>("GET", "/_control/views")).results;
  }

  /** Submits an open modal; values by block id then action id, or by action id. */
  submitView(viewId: string, input: ViewSubmissionInput = {}): Promise<InteractionRecord> {
    return this.call("POST", `/_control/views/${encodeURIComponent(viewId)}/submit`, input);
  }

  /** Interactions sent to the app, and what the app posted back to their response_urls. */
  interactions(): Promise<{ results: InteractionRecord[]; responsePosts: ResponseUrlPost[] }> {
    return this.call("GET", "/_control/interactions");
  }

  // ---- the app's settings and events ----------------------------------------------------

  app(): Promise<PublicAppSettings> {
    return this.call("GET", "/_control/app");
  }

  /** Sets the events URL, interactivity URL, signing secret, deadlines, retry pacing, events on/off. */
  configureApp(change: Partial<AppSettings>): Promise<PublicAppSettings> {
    return this.call("PUT", "/_control/app", change);
  }

  events(): Promise<EventState> {
    return this.call("GET", "/_control/events");
  }

  /** Sends any event (wrapped in Slack's envelope), e.g. an app_mention. */
  sendEvent(event: Record<string, unknown> & { type: string }, delivery?: DeliveryOptions): Promise<EventResult & { envelope: Record<string, unknown> }> {
    return this.call("POST", "/_control/events", { event, ...(delivery ? { delivery } : {}) });
  }

  /** Runs waiting retries now and waits until every delivery has finished. */
  flushEvents(): Promise<EventState> {
    return this.call("POST", "/_control/events/flush");
  }

  /** Slack's url_verification handshake against the events URL (or another URL). */
  verifyEventsUrl(url?: string): Promise<{ ok: boolean; challenge: string; status?: number; body?: string; error?: string }> {
    return this.call("POST", "/_control/events/verify", url ? { url } : {});
  }

  // ---- faults and limits ------------------------------------------------------------------

  faults(): Promise<Record<string, unknown>> {
    return this.call("GET", "/_control/faults");
  }

  /** E.g. { rateLimit: { seconds: 10 } }, { errorRate: 0.2 }, { methodErrors: [{ method, error }] }. */
  setFaults(settings: FaultSettings): Promise<Record<string, unknown>> {
    return this.call("PUT", "/_control/faults", settings);
  }

  clearFaults(): Promise<Record<string, unknown>> {
    return this.call("DELETE", "/_control/faults");
  }

  /** Slack's limits (partial: the rest from the defaults), or "off". */
  setRateLimit(config: Partial<RateLimitConfig> | "off"): Promise<{ config: RateLimitConfig | false }> {
    return this.call("PUT", "/_control/rate-limit", config === "off" ? { off: true } : config);
  }

  /** Fills every budget again. */
  resetRateLimit(): Promise<{ config: RateLimitConfig | false }> {
    return this.call("POST", "/_control/rate-limit/reset");
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return controlRequest<T>(this.url, method, path, body);
  }
}
