import type { Encoding } from "./api/params";
import type { DeliveryOptions, EventSender, SentEvent } from "./events";
import type { Faults } from "./faults";
import type { Interactions } from "./interactions";
import type { RateLimiter } from "./rate-limit";
import { publicSettings, type AppSettings } from "./settings";
import type { Workspace } from "./workspace";

// What the server's parts share: the workspace (replaced on reset), the app's settings, event
// and interaction delivery, limits and faults, and the log of Web API calls.

export interface CallRecord {
  seq: number;
  at: string;
  method: string;
  /** How the arguments came: the official client sends "form". */
  encoding: Encoding;
  /** The arguments, JSON ones (blocks, view, metadata) decoded, without the token. */
  args: Record<string, unknown>;
  status: number;
  ok: boolean;
  error?: string;
  /** For posts: where the message went and its ts. */
  channel?: string;
  ts?: string;
}

export interface Counters {
  api: number;
  control: number;
  byMethod: Record<string, number>;
  rateLimited: number;
}

export interface Simulator {
  ws(): Workspace;
  settings(): AppSettings;
  configure(change: Partial<AppSettings>): void;
  readonly events: EventSender;
  readonly interactions: Interactions;
  readonly faults: Faults;
  readonly rateLimiter: RateLimiter;
  readonly calls: CallRecord[];
  readonly counters: Counters;
  readonly botToken: string;
  baseUrl(): string;
  /** Runs a workspace change with these options for the events it causes; returns the event sent, if any. */
  emitting<T>(options: DeliveryOptions | undefined, change: () => T): { result: T; event?: SentEvent };
  reset(): void;
}

export function stats(sim: Simulator) {
  const ws = sim.ws();
  return {
    requests: { api: sim.counters.api, control: sim.counters.control, byMethod: sim.counters.byMethod },
    rateLimited: sim.counters.rateLimited,
    faults: sim.faults.describe(),
    rateLimit: sim.rateLimiter.current(),
    events: { ...sim.events.stats, ...sim.events.pending(), enabled: sim.settings().eventsEnabled && sim.settings().eventsUrl !== "" },
    interactions: { sent: sim.interactions.records.length, responsePosts: sim.interactions.responses.posts.length, viewsOpened: sim.interactions.views.size },
    workspace: {
      team: ws.team.id,
      channels: ws.channels.length,
      users: ws.users.length,
      messages: ws.messageCount(),
      postedByApp: ws.postedByApp().length,
      ephemeral: ws.ephemeral.length,
    },
    app: publicSettings(sim.settings()),
  };
}
