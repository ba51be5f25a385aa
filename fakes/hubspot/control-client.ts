import { ControlError, controlRequest, queryString } from "../shared/control-fetch";
import type { DatasetOptions } from "./data/dataset";
import type { FaultSettings, FaultState } from "./faults";
import type { ControlTicketInput } from "./handlers/control";
import type { RateLimitConfig, RateLimitTier } from "./rate-limit";
import type { WriteLogEntry } from "./store/portal";
import type { User } from "./store/users";
import type { DeliveryRecord, WebhookConfig } from "./webhooks";

// A typed client for the simulator's control API (/_control/), for the app's tests and the demo
// scripts. It talks HTTP, so it works against a simulator in another process (fakes/hubspot/cli.ts).

export interface ControlTicket {
  id: string;
  /** Every set property (unset ones are absent). */
  properties: Record<string, string>;
  archived: boolean;
  archivedAt?: string;
  contactIds: string[];
  companyIds: string[];
  threadId?: string;
}

export interface ControlMessage {
  id: string;
  type: "MESSAGE" | "COMMENT";
  conversationsThreadId: string;
  createdAt: string;
  createdBy: string;
  text: string;
  richText: string;
  direction?: "INCOMING" | "OUTGOING";
  channelId?: string;
  channelAccountId?: string;
  senders: { actorId?: string; name?: string; deliveryIdentifier?: { type: string; value: string } }[];
  recipients: { actorId?: string; name?: string; deliveryIdentifier: { type: string; value: string } }[];
  subject?: string;
  /** The ticket of the message's thread (control listing only). */
  ticketId?: string | null;
}

export interface ControlNote {
  id: string;
  properties: Record<string, string>;
  associations: Record<"tickets" | "contacts" | "companies", { id: string; typeIds: number[] }[]>;
}

export interface WebhookState {
  settings: Omit<Required<WebhookConfig>, "clientSecret"> & { hasSecret: boolean };
  stats: { eventsQueued: number; eventsDropped: number; eventsDelivered: number; eventsFailed: number; attempts: number };
  pending: { queued: number; inFlight: number; retrying: number };
  deliveries: DeliveryRecord[];
}

export interface SimulatorState {
  requests: { api: number; control: number; byStatus: Record<string, number> };
  rateLimited: number;
  droppedConnections: number;
  faults: FaultState;
  rateLimit: RateLimitConfig | false;
  webhooks: WebhookState["stats"] & WebhookState["pending"] & { enabled: boolean };
  data: {
    seed: number;
    anchor: string;
    tickets: { generated: number; created: number; changed: number; archived: number };
    contacts: { generated: number; created: number; changed: number; archived: number };
    companies: { generated: number; created: number; changed: number; archived: number };
    notes: number;
    messagesWritten: number;
    usersProvisioned: number;
  };
  clock: { now: string; offsetMs: number };
}

/** A control API call the simulator refused: `status` and the simulator's message. */
export class HubSpotControlError extends ControlError {}

export class HubSpotControlClient {
  private readonly base: string;

  /** `url` is the simulator's base URL, e.g. http://127.0.0.1:3002. */
  constructor(url: string) {
    this.base = url.replace(/\/+$/, "");
  }

  stats(): Promise<SimulatorState> {
    return this.call("GET", "/_control/stats");
  }

  /** Back to the seed data (optionally a different data set); faults, budgets, queue and clock cleared. */
  reset(dataset?: Partial<DatasetOptions>): Promise<SimulatorState> {
    return this.call("POST", "/_control/reset", dataset ? { dataset } : {});
  }

  // ---- acting as customers and HubSpot users ------------------------------------------

  createTicket(input: ControlTicketInput): Promise<ControlTicket> {
    return this.call("POST", "/_control/tickets", input);
  }

  getTicket(id: string): Promise<ControlTicket> {
    return this.call("GET", `/_control/tickets/${id}`);
  }

  /** Changes a ticket as a HubSpot user (default) or as the customer would. */
  updateTicket(id: string, properties: Record<string, string | null>, as: "user" | "customer" = "user"): Promise<ControlTicket> {
    return this.call("PATCH", `/_control/tickets/${id}`, { properties, as });
  }

  async deleteTicket(id: string): Promise<void> {
    await this.call("DELETE", `/_control/tickets/${id}`);
  }

  /** The customer writes on the ticket's thread (created if the ticket has none). */
  customerMessage(ticketId: string, text: string, options: { richText?: string; channel?: "EMAIL" | "CHAT" } = {}): Promise<{ threadId: string; message: ControlMessage }> {
    return this.call("POST", `/_control/tickets/${ticketId}/messages`, { text, ...options });
  }

  /** A team member answers from HubSpot's own inbox rather than through the app. */
  agentMessage(ticketId: string, text: string, ownerId?: string): Promise<{ threadId: string; message: ControlMessage }> {
    return this.call("POST", `/_control/tickets/${ticketId}/messages`, { text, direction: "OUTGOING", ...(ownerId ? { ownerId } : {}) });
  }

  // ---- what the app wrote ---------------------------------------------------------------

  async notes(ticketId?: string): Promise<ControlNote[]> {
    return (await this.call<{ results: ControlNote[] }>("GET", `/_control/notes${queryString({ ticketId })}`)).results;
  }

  /** Messages posted through the API (the app's replies) unless another origin is asked for. */
  async messages(filter: { ticketId?: string; threadId?: string; direction?: "INCOMING" | "OUTGOING"; origin?: "api" | "control" | "all" } = {}): Promise<ControlMessage[]> {
    return (await this.call<{ results: ControlMessage[] }>("GET", `/_control/messages${queryString(filter)}`)).results;
  }

  async ticketUpdates(ticketId?: string): Promise<WriteLogEntry[]> {
    return (await this.call<{ results: WriteLogEntry[] }>("GET", `/_control/ticket-updates${queryString({ ticketId })}`)).results;
  }

  /** Every write the app made through the API, in order. */
  async writes(): Promise<WriteLogEntry[]> {
    return (await this.call<{ results: WriteLogEntry[] }>("GET", "/_control/writes")).results;
  }

  async provisionedUsers(): Promise<User[]> {
    return (await this.call<{ results: User[] }>("GET", "/_control/users")).results;
  }

  // ---- faults, limits, webhooks, clock --------------------------------------------------

  faults(): Promise<FaultState> {
    return this.call("GET", "/_control/faults");
  }

  setFaults(settings: FaultSettings): Promise<FaultState> {
    return this.call("PUT", "/_control/faults", settings);
  }

  clearFaults(): Promise<FaultState> {
    return this.call("DELETE", "/_control/faults");
  }

  setRateLimit(limit: RateLimitTier | "off" | RateLimitConfig): Promise<{ config: RateLimitConfig | false }> {
    return this.call("PUT", "/_control/rate-limit", typeof limit === "string" ? { tier: limit } : limit);
  }

  /** Fills every budget again. */
  resetRateLimit(): Promise<{ config: RateLimitConfig | false }> {
    return this.call("POST", "/_control/rate-limit/reset");
  }

  webhooks(): Promise<WebhookState> {
    return this.call("GET", "/_control/webhooks");
  }

  setWebhooks(change: Partial<WebhookConfig>): Promise<WebhookState> {
    return this.call("PUT", "/_control/webhooks", change);
  }

  /** Sends queued events now and waits until every delivery (with retries) has finished. */
  flushWebhooks(): Promise<WebhookState> {
    return this.call("POST", "/_control/webhooks/flush");
  }

  /** Moves the simulator's clock (e.g. +10 s to refill the burst budget, +1 day for stale tickets). */
  setClockOffset(offsetMs: number): Promise<{ now: string; offsetMs: number }> {
    return this.call("PUT", "/_control/clock", { offsetMs });
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return controlRequest<T>(this.base, method, path, body, HubSpotControlError);
  }
}
