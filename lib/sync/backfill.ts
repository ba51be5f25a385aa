import { HubSpotError } from "@/lib/integrations/hubspot/errors";
import { companyRow, contactRow, embeddedAssociations, ownerRow, pipelineRows, ticketRow } from "@/lib/integrations/hubspot/mappers";
import { PROPERTIES, TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import type { SyncDeps } from "@/lib/sync/deps";
import { compareIds, forEachConcurrently } from "@/lib/sync/pool";
import { bumpSlaVersion } from "@/lib/queue/load-config";
import { fillMissingRelated } from "@/lib/sync/related";
import { readState, STATE, writeState } from "@/lib/sync/state";
import { replaceOwners, replacePipelines, storeTickets, upsertCompanies, upsertContacts } from "@/lib/sync/store";

// The backfill: every ticket with its associations, the pipelines, owners, and the contacts and
// companies the tickets point at, resumable at any point from what Postgres holds.
//
// Two budgets limit it: the burst budget (e.g. 190 requests per 10 s) for lists and batch reads,
// and 5 searches a second. A survey (three searches) counts tickets, contacts and companies and
// plans the work so that both budgets finish together:
// - Tickets come from the list API, 100 a page with their associations. One cursor allows one
//   request in flight, which with any latency leaves most of the budget unused, so the id space
//   is cut into ranges (boundaries found by search) listed side by side, each with its own cursor
//   saved in the same transaction as its page. Starting a range relies on the list API's `after`
//   being a ticket id, as HubSpot's is today; if a range ever comes back out of order, the backfill
//   falls back to a single cursor.
// - Contacts and companies are either swept by id through the search API (200 a page, on the
//   search budget) or read 100 at a time by the ids the tickets reference (on the burst budget),
//   whichever plan the survey estimates to finish first. Whatever a ticket references and the
//   sweep missed is read by id at the end.
// - Tier and SLA fields are not derived page by page (a ticket's contacts and companies mostly
//   arrive after it): the tickets written are marked, and the tickets-rederive job derives them in
//   bulk, open tickets first (lib/jobs/hubspot-backfill.ts queues it after every chunk). On
//   completion the settings version moves on, so every ticket is derived once more from complete
//   data, whatever ran in between.

/** At most this many tickets a range: a search finds a range's end, and cannot page past 10,000. */
export const MAX_RANGE = 10_000;
const MIN_RANGE = 500;
const SEARCH_PAGE = 200;
const PARTITION_STATE = STATE.backfill;
const SWEEP_STATE = { contacts: `${STATE.backfill}:contacts`, companies: `${STATE.backfill}:companies` } as const;

export interface BackfillOptions {
  /** Ticket ranges listed at once. */
  concurrency?: number;
  /** Stop (resumably) once the clock passes this instant. */
  deadline?: number;
  signal?: AbortSignal;
  /** Start over even if a backfill has completed (an admin's full resync). */
  restart?: boolean;
  /** Tickets per range (default: from the survey). */
  rangeSize?: number;
}

export interface BackfillProgress {
  done: boolean;
  ticketsStored: number;
  ticketsChanged: number;
  related: number;
}

type Related = "contacts" | "companies";

interface BackfillDetails {
  referenceData?: boolean;
  survey?: { tickets: number; contacts: number; companies: number };
  /** How contacts and companies are fetched. */
  strategy?: Record<Related, "sweep" | "referenced">;
  rangeSize?: number;
  /** "sequential" once ranges proved unusable. */
  partitioning?: "ranges" | "sequential";
}

class OutOfOrderCursor extends Error {}

export async function runBackfill(deps: SyncDeps, options: BackfillOptions = {}): Promise<BackfillProgress> {
  const { db, clock } = deps;
  const progress: BackfillProgress = { done: false, ticketsStored: 0, ticketsChanged: 0, related: 0 };
  const shouldStop = () => Boolean(options.signal?.aborted) || (options.deadline !== undefined && clock.now() >= options.deadline);
  const concurrency = options.concurrency ?? 6;

  let state = await readState(db, PARTITION_STATE);
  if (!state || !state.startedAt || (state.completedAt && options.restart)) {
    await db.$transaction([
      db.syncPartition.deleteMany({ where: { stateKey: PARTITION_STATE } }),
      db.syncState.deleteMany({ where: { key: { in: Object.values(SWEEP_STATE) } } }),
    ]);
    state = await writeState(db, PARTITION_STATE, { startedAt: new Date(clock.now()), completedAt: null, lastError: null, details: {} });
    deps.log?.("backfill: starting");
  }
  if (state.completedAt) return { ...progress, done: true };
  const details = (state.details ?? {}) as BackfillDetails;
  const save = () => writeState(db, PARTITION_STATE, { details: { ...details } });

  if (!details.referenceData) {
    await syncReferenceData(deps);
    details.referenceData = true;
    await save();
  }
  if (!details.survey) {
    const survey = await surveyCounts(deps);
    details.survey = survey;
    details.strategy = planRelated(survey, deps.hubspot.budget);
    details.rangeSize = options.rangeSize ?? Math.min(MAX_RANGE, Math.max(MIN_RANGE, Math.ceil(survey.tickets / (concurrency * 3))));
    await save();
    deps.log?.(`backfill: ${survey.tickets} tickets in ranges of ${details.rangeSize}; contacts by ${details.strategy.contacts}, companies by ${details.strategy.companies}`);
  }

  const partitions = new PartitionPlan(deps, details.rangeSize ?? MAX_RANGE, details);
  await partitions.load();
  const sweeps = (["companies", "contacts"] as const).filter((type) => details.strategy?.[type] === "sweep");
  const byId = (["companies", "contacts"] as const).filter((type) => details.strategy?.[type] !== "sweep");
  const listing = new Listing();
  try {
    await Promise.all([
      forEachConcurrently(partitions.pending(shouldStop), concurrency, async (next) => {
        const partition = await next;
        if (!partition) return;
        const { stored, changed } = await listPartition(deps, partition, shouldStop, listing);
        progress.ticketsStored += stored;
        progress.ticketsChanged += changed;
      }).finally(() => listing.end()),
      ...sweeps.map((type) => sweep(deps, type, shouldStop).then((n) => (progress.related += n))),
      ...byId.map((type) => readReferencedWhileListing(deps, type, listing, shouldStop).then((n) => (progress.related += n))),
    ]);
  } catch (error) {
    if (!(error instanceof OutOfOrderCursor)) throw error;
    deps.log?.(`backfill: ${error.message}; listing with one cursor instead`);
    await partitions.fallBackToOneCursor();
    return runBackfill(deps, options);
  }
  if (shouldStop()) return progress;
  deps.log?.(`backfill: tickets listed (${progress.ticketsStored} this run)`);

  for (const type of ["companies", "contacts"] as const) {
    const filled = await fillMissingRelated(deps, type, { shouldStop, concurrency, derive: false });
    progress.related += filled.seen;
  }
  if (shouldStop() || !(await partitions.allDone())) return progress;

  const startedAt = state.startedAt!;
  await db.$transaction(async (tx) => {
    await writeState(tx, PARTITION_STATE, { completedAt: new Date(clock.now()), lastSuccessAt: new Date(clock.now()), lastError: null });
    // Reconciliation takes over from the moment the backfill began: anything changed since then
    // may have been listed before it changed.
    for (const key of Object.values(STATE.reconcile)) {
      await tx.syncState.upsert({ where: { key }, create: { key, watermarkAt: startedAt }, update: { watermarkAt: startedAt, watermarkId: null } });
    }
    // Every ticket is derived again once everything is in. A derivation that ran during the
    // backfill (the rederive job each minute, a webhook) may have read a ticket before its
    // contact or company arrived, and the marks written then skip tickets already marked.
    await bumpSlaVersion(tx);
  });
  deps.log?.("backfill: completed");
  return { ...progress, done: true };
}

/** Whether tickets are still being listed, and a way to wait for the next page stored. */
class Listing {
  active = true;
  private waiting: (() => void)[] = [];

  pageStored(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  end(): void {
    this.active = false;
    this.pageStored();
  }

  nextPage(): Promise<void> {
    return this.active ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }
}

/**
 * Contacts or companies read by id as the listed tickets reference them, in whole batches of 100,
 * so that they share the burst budget with the listing instead of queueing behind it.
 */
async function readReferencedWhileListing(deps: SyncDeps, type: Related, listing: Listing, shouldStop: () => boolean): Promise<number> {
  let seen = 0;
  const stop = () => shouldStop() || !listing.active;
  while (!stop()) {
    const filled = await fillMissingRelated(deps, type, { shouldStop: stop, concurrency: 2, derive: false, wholeBatchesOnly: true });
    seen += filled.seen;
    if (filled.seen === 0) await listing.nextPage();
  }
  return seen;
}

async function syncReferenceData(deps: SyncDeps): Promise<void> {
  const { db, hubspot } = deps;
  await replacePipelines(db, pipelineRows(await hubspot.pipelines()));
  const owners = [];
  let after: string | undefined;
  do {
    const page = await hubspot.owners(after);
    owners.push(...page.results.map(ownerRow));
    after = page.nextAfter;
  } while (after);
  await replaceOwners(db, owners);
}

async function surveyCounts(deps: SyncDeps): Promise<{ tickets: number; contacts: number; companies: number }> {
  const count = async (type: "tickets" | Related) =>
    (await deps.hubspot.searchObjects(type, { filterGroups: [], sort: "hs_object_id", properties: ["hs_object_id"], limit: 1 })).total;
  const [tickets, contacts, companies] = await Promise.all([count("tickets"), count("contacts"), count("companies")]);
  return { tickets, contacts, companies };
}

/**
 * Contacts and companies: by search sweep or by referenced id, whichever combination the budgets
 * finish soonest. A ticket references about one contact and one company, so reading by id costs
 * at most min(total, tickets) / 100 requests; a sweep reads every record, 200 a search.
 */
export function planRelated(
  survey: { tickets: number; contacts: number; companies: number },
  budget: { burstPer10s: number; searchPerSecond: number },
): Record<Related, "sweep" | "referenced"> {
  const { burstPer10s } = budget;
  const perSecond = burstPer10s / 10;
  const searchesPerSecond = budget.searchPerSecond * 0.9;
  let best: { plan: Record<Related, "sweep" | "referenced">; seconds: number } | undefined;
  for (const contacts of ["referenced", "sweep"] as const) {
    for (const companies of ["referenced", "sweep"] as const) {
      const plan = { contacts, companies };
      let standard = survey.tickets / 100;
      let searches = 0;
      for (const type of ["contacts", "companies"] as const) {
        if (plan[type] === "sweep") searches += survey[type] / SEARCH_PAGE;
        else standard += Math.min(survey[type], survey.tickets) / 100;
      }
      // The first burst goes at once; the rest at the budget's pace.
      const seconds = Math.max(Math.max(0, standard - burstPer10s) / perSecond, searches / searchesPerSecond);
      if (!best || seconds < best.seconds - 0.5) best = { plan, seconds };
    }
  }
  return best!.plan;
}

interface Partition {
  index: number;
  fromId: string | null;
  toId: string | null;
  after: string | null;
}

/** The ticket id ranges: planned lazily, one search a boundary, and saved as they are found. */
class PartitionPlan {
  private rows: (Partition & { done: boolean })[] = [];
  /** Boundaries are found one after another: each search starts where the last range ends. */
  private planning: Promise<unknown> = Promise.resolve();
  private readonly handed = new Set<number>();

  constructor(
    private readonly deps: SyncDeps,
    private readonly size: number,
    private readonly details: BackfillDetails,
  ) {}

  async load(): Promise<void> {
    const rows = await this.deps.db.syncPartition.findMany({ where: { stateKey: PARTITION_STATE }, orderBy: { index: "asc" } });
    this.rows = rows.map((row) => ({ index: row.index, fromId: row.fromId, toId: row.toId, after: row.after, done: row.doneAt !== null }));
  }

  private complete(): boolean {
    const last = this.rows.at(-1);
    return last !== undefined && last.toId === null;
  }

  async allDone(): Promise<boolean> {
    await this.load();
    return this.complete() && this.rows.every((row) => row.done);
  }

  /** Unfinished ranges, planning new ones as the listers ask for them (null: nothing left to plan). */
  *pending(shouldStop: () => boolean): Generator<Promise<Partition | null>> {
    for (;;) {
      if (shouldStop()) return;
      const next = this.rows.find((row) => !row.done && !this.handed.has(row.index));
      if (next) {
        this.handed.add(next.index);
        yield Promise.resolve(next);
        continue;
      }
      if (this.complete()) return;
      const planned = this.planning.then(() => this.planNext());
      this.planning = planned.catch(() => undefined);
      yield planned;
    }
  }

  private async planNext(): Promise<Partition | null> {
    const { db, hubspot } = this.deps;
    const last = this.rows.at(-1);
    if (last?.toId === null) return null;
    const fromId = last?.toId ?? null;
    let toId: string | null = null;
    if (this.details.partitioning !== "sequential") {
      // The range's last ticket is `size − 1` places after its start (search cannot page past
      // 10,000 results, so an offset of 9,999 is the furthest one query looks).
      const page = await hubspot.searchObjects("tickets", {
        filterGroups: fromId ? [{ filters: [{ propertyName: "hs_object_id", operator: "GTE", value: fromId }] }] : [],
        sort: "hs_object_id",
        properties: ["hs_object_id"],
        limit: 1,
        after: String(this.size - 1),
      });
      const lastOfRange = page.results[0]?.id;
      // No ticket that far: this range runs to the end. Otherwise the next starts right after it.
      toId = lastOfRange ? (BigInt(lastOfRange) + 1n).toString() : null;
    }
    const partition = { index: (last?.index ?? -1) + 1, fromId, toId, after: null };
    await db.syncPartition.create({ data: { stateKey: PARTITION_STATE, ...partition } });
    this.handed.add(partition.index);
    this.rows.push({ ...partition, done: false });
    return partition;
  }

  async fallBackToOneCursor(): Promise<void> {
    this.details.partitioning = "sequential";
    await this.deps.db.$transaction([
      this.deps.db.syncPartition.deleteMany({ where: { stateKey: PARTITION_STATE } }),
      this.deps.db.syncState.update({ where: { key: PARTITION_STATE }, data: { details: { ...this.details } } }),
    ]);
    this.rows = [];
  }
}

/**
 * Lists one range page by page; each page and the range's cursor commit together. The next page
 * is requested while the last one is being stored, so a range keeps a request in flight.
 */
async function listPartition(deps: SyncDeps, partition: Partition, shouldStop: () => boolean, listing: Listing): Promise<{ stored: number; changed: number }> {
  const totals = { stored: 0, changed: 0 };
  const { db, hubspot, clock } = deps;
  // Starting one below the range's first id works whether HubSpot reads `after` as inclusive or not.
  const lowest = partition.fromId ? (BigInt(partition.fromId) - 1n).toString() : null;
  const fetchPage = async (after: string | undefined) => {
    const readAt = new Date(clock.now());
    try {
      return { readAt, page: await hubspot.listTickets({ after, properties: [...TICKET_PROPERTIES], associations: ["contacts", "companies"] }) };
    } catch (error) {
      if (partition.fromId && after === lowest && error instanceof HubSpotError && error.code === "BAD_REQUEST") {
        throw new OutOfOrderCursor(`the list API refused a ticket id as its cursor (${error.message})`);
      }
      throw error;
    }
  };
  if (shouldStop()) return totals;
  let next: ReturnType<typeof fetchPage> | undefined = fetchPage(partition.after ?? lowest ?? undefined);
  while (next) {
    const { page, readAt } = await next;
    next = undefined;
    if (lowest && page.results.some((record) => compareIds(record.id, lowest) < 0)) {
      throw new OutOfOrderCursor(`range ${partition.index} started before ticket ${partition.fromId}`);
    }
    const beyond = partition.toId ? page.results.some((record) => compareIds(record.id, partition.toId!) >= 0) : false;
    const finished = !page.nextAfter || beyond;
    if (!finished && !shouldStop()) {
      next = fetchPage(page.nextAfter);
      // Stored below or dropped on an error: never an unhandled rejection in between.
      next.catch(() => undefined);
    }
    const inRange = page.results.filter(
      (record) =>
        (!partition.fromId || compareIds(record.id, partition.fromId) >= 0) && (!partition.toId || compareIds(record.id, partition.toId) < 0),
    );
    const tickets = inRange.map((record) => ({ row: ticketRow(record), associations: embeddedAssociations(record) }));
    totals.changed += await storeTickets(db, tickets, readAt, (tx) =>
      tx.syncPartition.update({
        where: { stateKey_index: { stateKey: PARTITION_STATE, index: partition.index } },
        data: { after: page.nextAfter ?? null, items: { increment: tickets.length }, doneAt: finished ? new Date(clock.now()) : null },
      }),
      { derive: false },
    );
    totals.stored += tickets.length;
    listing.pageStored();
  }
  return totals;
}

/**
 * Contacts or companies by id through the search API, resumable from the last id stored. The next
 * search goes out while a page is being stored (its start is known from the page's last id).
 */
async function sweep(deps: SyncDeps, type: Related, shouldStop: () => boolean): Promise<number> {
  const { db, hubspot, clock } = deps;
  const key = SWEEP_STATE[type];
  const state = await readState(db, key);
  if (state?.completedAt || shouldStop()) return 0;
  const search = (after: string) =>
    hubspot.searchObjects(type, {
      filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "GT", value: after }] }],
      sort: "hs_object_id",
      properties: [...PROPERTIES[type]],
      limit: SEARCH_PAGE,
    });
  let lastId = state?.cursor ?? "0";
  let seen = 0;
  let next: ReturnType<typeof search> | undefined = search(lastId);
  while (next) {
    const page = await next;
    next = undefined;
    const done = !page.paging?.next || page.results.length === 0;
    lastId = page.results.at(-1)?.id ?? lastId;
    if (!done && !shouldStop()) {
      next = search(lastId);
      // Stored below or dropped on an error: never an unhandled rejection in between.
      next.catch(() => undefined);
    }
    seen += page.results.length;
    if (type === "contacts") await upsertContacts(db, page.results.map(contactRow), { derive: false });
    else await upsertCompanies(db, page.results.map(companyRow), { derive: false });
    await writeState(db, key, { cursor: lastId, ...(done ? { completedAt: new Date(clock.now()) } : {}) });
    if (done) deps.log?.(`backfill: ${type} swept (${seen} this run)`);
  }
  return seen;
}
