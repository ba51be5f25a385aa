import { Client } from "@hubspot/api-client";
import type { z } from "zod";
import { systemClock, type Clock } from "@/lib/clock";
import { codeForStatus, HubSpotError, parseRetryAfter } from "@/lib/integrations/hubspot/errors";
import { SlidingWindowLimiter } from "@/lib/integrations/hubspot/limiter";
import {
  associationBatchSchema,
  batchReadSchema,
  crmPageSchema,
  messagesPageSchema,
  ownersPageSchema,
  pipelinesSchema,
  searchPageSchema,
  threadSchema,
  type CrmObject,
  type HubSpotMessage,
  type HubSpotOwner,
  type HubSpotPipeline,
  type HubSpotThread,
  type SearchPage,
} from "@/lib/integrations/hubspot/schema";

export type CrmObjectType = "tickets" | "contacts" | "companies";

export interface SearchRequest {
  filterGroups: { filters: { propertyName: string; operator: string; value?: string; values?: string[] }[] }[];
  /** One sort, ascending (a leading "-" sorts descending). */
  sort: string;
  properties: string[];
  limit: number;
  after?: string;
}

export interface HubSpotClientOptions {
  accessToken: string;
  baseUrl: string;
  /** The private app's burst budget per 10 s; the client stays a little under it. */
  burstPer10s: number;
  /** HubSpot allows 5 searches a second per account. */
  searchPerSecond?: number;
  timeoutMs?: number;
  /** How long one call keeps retrying 429s, 5xx and network errors before it gives up. */
  retryForMs?: number;
  clock?: Clock;
}

/**
 * Which failures one call retries by itself, and for how long. A write must not repeat itself
 * after a failure that may have come after HubSpot committed it (a timeout, a dropped connection,
 * a 5xx): its caller decides, after looking (lib/outbox).
 */
export interface RetryPolicy {
  retryable?: (error: HubSpotError) => boolean;
  retryForMs?: number;
}

export interface HubSpotRequestStats {
  requests: number;
  searches: number;
  retries: number;
  rateLimited: number;
}

const LIST_LIMIT = 100;
const BATCH_LIMIT = 100;

/**
 * The one way into HubSpot: the official client for the CRM, its `apiRequest` for Conversations,
 * with a limiter under the account's budgets and retries that honour Retry-After. Every failure
 * surfaces as a HubSpotError whose code tells not-found from rate-limited from broken.
 */
export class HubSpotClient {
  readonly stats: HubSpotRequestStats = { requests: 0, searches: 0, retries: 0, rateLimited: 0 };
  /** The account's limits this client works under (the backfill plans with them). */
  readonly budget: { burstPer10s: number; searchPerSecond: number };
  private readonly client: Client;
  private readonly clock: Clock;
  private readonly standard: SlidingWindowLimiter;
  private readonly search: SlidingWindowLimiter;
  private readonly timeoutMs: number;
  private readonly retryForMs: number;

  constructor(options: HubSpotClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.budget = { burstPer10s: options.burstPer10s, searchPerSecond: options.searchPerSecond ?? 5 };
    // numberOfApiCallRetries 0: the client's own retry sleeps 10 s per 429 and knows nothing of our budget.
    this.client = new Client({ accessToken: options.accessToken, basePath: options.baseUrl, numberOfApiCallRetries: 0 });
    // A margin under the budget: HubSpot counts requests when they arrive, we when they leave.
    const burst = options.burstPer10s - Math.max(2, Math.ceil(options.burstPer10s * 0.05));
    this.standard = new SlidingWindowLimiter(Math.max(1, burst), 10_000, this.clock);
    this.search = new SlidingWindowLimiter(options.searchPerSecond ?? 5, 1_100, this.clock);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retryForMs = options.retryForMs ?? 5 * 60_000;
  }

  // ---- CRM objects --------------------------------------------------------------------------

  /** One page of the list API (tickets with their associations, or archived ones). */
  async listTickets(options: { after?: string; properties: string[]; associations?: string[]; archived?: boolean }) {
    const page = await this.call("list tickets", "standard", crmPageSchema, () =>
      this.client.crm.tickets.basicApi.getPage(LIST_LIMIT, options.after, options.properties, undefined, options.associations, options.archived ?? false),
    );
    return { results: page.results, nextAfter: page.paging?.next?.after };
  }

  /**
   * Reads up to 100 records by id. HubSpot answers a merged-away id with the record it was merged
   * into (so a result's id may differ from the one asked for) and lists deleted ids as errors.
   */
  async batchRead(type: CrmObjectType, ids: string[], properties: string[]): Promise<{ results: CrmObject[]; missing: string[] }> {
    if (ids.length === 0) return { results: [], missing: [] };
    if (ids.length > BATCH_LIMIT) throw new Error(`batchRead takes at most ${BATCH_LIMIT} ids`);
    const input = { inputs: ids.map((value) => ({ id: value })), properties, propertiesWithHistory: [] };
    const body = await this.call(`batch read ${type}`, "standard", batchReadSchema, () => this.crm(type).batchApi.read(input, false));
    const missing = (body.errors ?? []).flatMap((error) => (error.category === "OBJECT_NOT_FOUND" ? (error.context?.ids ?? []) : []));
    const other = (body.errors ?? []).filter((error) => error.category !== "OBJECT_NOT_FOUND");
    if (other.length > 0) {
      throw new HubSpotError("INVALID_RESPONSE", `batch read reported ${other.map((e) => `${e.category}: ${e.message}`).join("; ")}`, {
        operation: `batch read ${type}`,
      });
    }
    return { results: body.results, missing };
  }

  /** A search page; HubSpot caps a query at 10,000 results and 5 searches a second. */
  async searchObjects(type: CrmObjectType, request: SearchRequest): Promise<SearchPage> {
    return this.call(`search ${type}`, "search", searchPageSchema, () =>
      this.crm(type).searchApi.doSearch({
        filterGroups: request.filterGroups as never,
        sorts: [request.sort],
        properties: request.properties,
        limit: request.limit,
        ...(request.after !== undefined ? { after: request.after } : {}),
      }),
    );
  }

  /** Associations of up to 1,000 tickets to contacts or companies (v4), keyed by ticket id. */
  async ticketAssociations(to: "contacts" | "companies", ticketIds: string[]) {
    const out = new Map<string, { id: string; typeIds: number[] }[]>();
    if (ticketIds.length === 0) return out;
    const body = await this.call(`ticket associations to ${to}`, "standard", associationBatchSchema, () =>
      this.client.crm.associations.v4.batchApi.getPage("tickets", to, { inputs: ticketIds.map((value) => ({ id: value })) }),
    );
    for (const result of body.results) {
      out.set(
        result._from.id,
        result.to.map((target) => ({ id: target.toObjectId, typeIds: target.associationTypes.map((type) => type.typeId) })),
      );
    }
    return out;
  }

  async pipelines(): Promise<HubSpotPipeline[]> {
    return (await this.call("list pipelines", "standard", pipelinesSchema, () => this.client.crm.pipelines.pipelinesApi.getAll("tickets"))).results;
  }

  async owners(after?: string): Promise<{ results: HubSpotOwner[]; nextAfter?: string }> {
    const page = await this.call("list owners", "standard", ownersPageSchema, () => this.client.crm.owners.ownersApi.getPage(undefined, after, 100, false));
    return { results: page.results, nextAfter: page.paging?.next?.after };
  }

  // ---- Conversations (no typed client: apiRequest) -----------------------------------------

  async thread(threadId: string): Promise<HubSpotThread> {
    return this.raw(`get thread ${threadId}`, threadSchema, `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}`, { association: "TICKET" });
  }

  async threadMessages(threadId: string, after?: string): Promise<{ results: HubSpotMessage[]; nextAfter?: string }> {
    const page = await this.raw(`list messages of thread ${threadId}`, messagesPageSchema, `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}/messages`, {
      limit: "100",
      ...(after ? { after } : {}),
    });
    return { results: page.results, nextAfter: page.paging?.next?.after };
  }

  // ---- plumbing ------------------------------------------------------------------------------

  private crm(type: CrmObjectType) {
    return type === "tickets" ? this.client.crm.tickets : type === "contacts" ? this.client.crm.contacts : this.client.crm.companies;
  }

  // ---- for other modules of this integration (writes.ts) ----------------------------------

  /** One call of the official client, through the same limiter, timeout, classification and retries. */
  request<S extends z.ZodType>(operation: string, schema: S, send: (client: Client) => Promise<unknown>, policy?: RetryPolicy): Promise<z.infer<S>> {
    return this.call(operation, "standard", schema, () => send(this.client), policy);
  }

  /** A JSON call the official client has no typed API for (Conversations), like `request`. */
  json<S extends z.ZodType>(
    operation: string,
    schema: S,
    init: { method: "GET" | "POST" | "PATCH"; path: string; qs?: Record<string, string>; body?: unknown },
    policy?: RetryPolicy,
  ): Promise<z.infer<S>> {
    return this.raw(operation, schema, init.path, init.qs ?? {}, policy, init);
  }

  private raw<S extends z.ZodType>(
    operation: string,
    schema: S,
    path: string,
    qs: Record<string, string>,
    policy?: RetryPolicy,
    init: { method: "GET" | "POST" | "PATCH"; body?: unknown } = { method: "GET" },
  ): Promise<z.infer<S>> {
    return this.call(operation, "standard", schema, async () => {
      const response = await this.client.apiRequest({ method: init.method, path, qs, ...(init.body === undefined ? {} : { body: init.body }) });
      const text = await response.text();
      if (!response.ok) {
        throw new HubSpotError(codeForStatus(response.status), `HTTP ${response.status}: ${text.slice(0, 200)}`, {
          operation,
          status: response.status,
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), this.clock.now()),
          ...rateLimitDetails(text),
        });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new HubSpotError("INVALID_RESPONSE", "the answer is not JSON", { operation, status: response.status, cause });
      }
    }, policy);
  }

  /** Limiter, timeout, classification, validation and retries around one HubSpot call. */
  private async call<S extends z.ZodType>(
    operation: string,
    kind: "standard" | "search",
    schema: S,
    send: () => Promise<unknown>,
    policy: RetryPolicy = {},
  ): Promise<z.infer<S>> {
    const limiter = kind === "search" ? this.search : this.standard;
    const retryable = policy.retryable ?? ((error: HubSpotError) => error.retryable);
    const retryForMs = policy.retryForMs ?? this.retryForMs;
    const started = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      await limiter.acquire();
      this.stats.requests++;
      if (kind === "search") this.stats.searches++;
      let error: HubSpotError;
      try {
        const body = await this.withTimeout(send(), operation);
        const parsed = schema.safeParse(body);
        if (parsed.success) return parsed.data;
        throw new HubSpotError("INVALID_RESPONSE", `unexpected answer: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`, { operation });
      } catch (caught) {
        error = classify(caught, operation, this.clock.now());
      }
      if (error.code === "RATE_LIMITED") this.stats.rateLimited++;
      const delay = retryDelay(error, attempt);
      if (!retryable(error) || this.clock.now() + delay - started > retryForMs) throw error;
      // After a 429 everyone waits: the budget is spent for all callers, not just this one.
      if (error.code === "RATE_LIMITED") limiter.pauseUntil(this.clock.now() + delay);
      this.stats.retries++;
      await this.clock.sleep(delay);
    }
  }

  private withTimeout<T>(promise: Promise<T>, operation: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HubSpotError("TIMEOUT", `no answer within ${this.timeoutMs} ms`, { operation })), this.timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

/** Exponential backoff with jitter, never sooner than Retry-After; 429s wait at least a second. */
export function retryDelay(error: HubSpotError, attempt: number, random = Math.random): number {
  const backoff = Math.min(10_000, 500 * 2 ** (attempt - 1)) * (0.75 + random() * 0.5);
  const floor = error.code === "RATE_LIMITED" ? 1_000 : 0;
  return Math.round(Math.max(backoff, floor, error.details.retryAfterMs ?? 0));
}

function rateLimitDetails(text: string): { policyName?: string; correlationId?: string } {
  try {
    const body = JSON.parse(text) as { policyName?: unknown; correlationId?: unknown };
    return {
      ...(typeof body.policyName === "string" ? { policyName: body.policyName } : {}),
      ...(typeof body.correlationId === "string" ? { correlationId: body.correlationId } : {}),
    };
  } catch {
    return {};
  }
}

/** The official client throws ApiException (code, body, headers) for HTTP errors and plain errors for the rest. */
function classify(caught: unknown, operation: string, now: number): HubSpotError {
  if (caught instanceof HubSpotError) return caught;
  const apiError = caught as { code?: unknown; body?: unknown; headers?: Record<string, string> };
  if (typeof apiError?.code === "number" && apiError.code >= 400) {
    const status = apiError.code;
    const body = (apiError.body ?? {}) as { message?: unknown; policyName?: unknown; correlationId?: unknown };
    const message = typeof body.message === "string" ? body.message : typeof apiError.body === "string" ? apiError.body.slice(0, 200) : "error";
    return new HubSpotError(codeForStatus(status), `HTTP ${status}: ${message}`, {
      operation,
      status,
      retryAfterMs: parseRetryAfter(apiError.headers?.["retry-after"], now),
      ...(typeof body.policyName === "string" ? { policyName: body.policyName } : {}),
      ...(typeof body.correlationId === "string" ? { correlationId: body.correlationId } : {}),
      cause: caught,
    });
  }
  const message = caught instanceof Error ? caught.message : String(caught);
  // fetch rejects with a TypeError ("fetch failed") on refused, reset or dropped connections.
  if (/fetch failed|terminated|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|other side closed/i.test(message)) {
    return new HubSpotError("NETWORK", message, { operation, cause: caught });
  }
  return new HubSpotError("INVALID_RESPONSE", message, { operation, cause: caught });
}
