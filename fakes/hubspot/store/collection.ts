import { runtimeIdStart } from "../ids";
import { SCHEMAS, type ObjectSchema, type ObjectType } from "../properties";

// One CRM object type: generated records (read-only, produced on demand from their index) under
// an in-memory overlay that holds every record changed, created or archived since start. Reads
// look in the overlay first; the overlay stays as small as the test or demo's own writes.

export interface CrmRecord {
  id: number;
  /** Set properties only; an unset property is absent (reads report it as null). */
  properties: Record<string, string>;
  archived: boolean;
  archivedAt?: number;
}

/** How the generated part of a collection is produced. */
export interface GeneratedSource {
  count: number;
  properties(index: number): Record<string, string>;
  /**
   * Present when the modified time is non-decreasing in the index: search can then turn a
   * modified-date range into an index range instead of scanning.
   */
  firstModifiedAtOrAfter?(t: number): number;
  modifiedAt?(index: number): number;
}

export class Collection {
  readonly schema: ObjectSchema;
  private readonly overlay = new Map<number, CrmRecord>();
  /** Generated indices present in the overlay, ascending: search skips them in generated ranges. */
  private readonly overlaid: number[] = [];
  /** Ids of created records, ascending (they are allocated in increasing order). */
  private readonly created: number[] = [];
  private nextId: number;
  /** Search sees a write only once it is "indexed"; until then it sees the record as it was. */
  private readonly pending = new Map<number, { visibleAt: number; prior: CrmRecord | undefined }>();
  /** Merged-away ids answer with the record they were merged into, as HubSpot does. */
  readonly mergedInto = new Map<number, number>();

  constructor(
    readonly type: ObjectType,
    readonly idBase: number,
    readonly source: GeneratedSource,
    private readonly searchLagMs: number,
  ) {
    this.schema = SCHEMAS[type];
    this.nextId = runtimeIdStart(idBase);
  }

  generatedIndex(id: number): number | undefined {
    const index = id - this.idBase;
    return Number.isInteger(index) && index >= 0 && index < this.source.count ? index : undefined;
  }

  /** The record with this id, archived or not. Returns a copy the caller may change. */
  get(id: number): CrmRecord | undefined {
    const stored = this.overlay.get(id);
    if (stored) return clone(stored);
    const index = this.generatedIndex(id);
    return index === undefined ? undefined : { id, properties: this.source.properties(index), archived: false };
  }

  /** Whether a live record has this id, without generating it. */
  exists(id: number): boolean {
    const stored = this.overlay.get(id);
    return stored ? !stored.archived : this.generatedIndex(id) !== undefined;
  }

  live(id: number): CrmRecord | undefined {
    const record = this.get(id);
    return record && !record.archived ? record : undefined;
  }

  allocateId(): number {
    return this.nextId++;
  }

  save(record: CrmRecord, now: number): void {
    const { id } = record;
    if (this.searchLagMs > 0) {
      const pending = this.pending.get(id);
      if (pending && now < pending.visibleAt) pending.visibleAt = now + this.searchLagMs;
      else this.pending.set(id, { visibleAt: now + this.searchLagMs, prior: this.get(id) });
    }
    if (!this.overlay.has(id)) {
      const index = this.generatedIndex(id);
      if (index !== undefined) insertSorted(this.overlaid, index);
      else insertSorted(this.created, id);
    }
    this.overlay.set(id, clone(record));
  }

  /** A page in id order; `after` is the first id the page may contain. */
  list(after: number, limit: number, archived: boolean): { records: CrmRecord[]; nextAfter?: number } {
    const records: CrmRecord[] = [];
    let nextAfter: number | undefined;
    const take = (record: CrmRecord): boolean => {
      if (record.archived !== archived) return true;
      if (records.length === limit) {
        nextAfter = record.id;
        return false;
      }
      records.push(record);
      return true;
    };
    if (archived) {
      const ids = [...this.overlay.keys()].filter((id) => id >= after).sort((a, b) => a - b);
      for (const id of ids) if (!take(this.get(id)!)) break;
      return { records, nextAfter };
    }
    for (let index = Math.max(0, after - this.idBase); index < this.source.count; index++) {
      if (!take(this.get(this.idBase + index)!)) return { records, nextAfter };
    }
    for (let k = lowerBound(this.created, after); k < this.created.length; k++) {
      if (!take(this.get(this.created[k]!)!)) break;
    }
    return { records, nextAfter };
  }

  // ---- what search needs ----------------------------------------------------------------

  overlaidIndices(): readonly number[] {
    return this.overlaid;
  }

  overlayIds(): IterableIterator<number> {
    return this.overlay.keys();
  }

  /** The record as the search index currently has it: undefined when absent or archived there. */
  searchView(id: number, now: number): CrmRecord | undefined {
    const pending = this.pending.get(id);
    let record: CrmRecord | undefined;
    if (pending && now < pending.visibleAt) record = pending.prior;
    else {
      if (pending) this.pending.delete(id);
      record = this.overlay.get(id);
    }
    return record && !record.archived ? record : undefined;
  }

  counts(): { generated: number; created: number; changed: number; archived: number } {
    let archived = 0;
    for (const record of this.overlay.values()) if (record.archived) archived++;
    return { generated: this.source.count, created: this.created.length, changed: this.overlaid.length, archived };
  }
}

function clone(record: CrmRecord): CrmRecord {
  return { ...record, properties: { ...record.properties } };
}

export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: number[], value: number): void {
  sorted.splice(lowerBound(sorted, value), 0, value);
}
