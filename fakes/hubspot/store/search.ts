import { parseDateValue } from "../properties";
import type { Collection, CrmRecord } from "./collection";
import { matchesFilter, matchesQuery, numeric, type Filter, type SearchQuery, type ValueOf } from "./filters";
import { ArraySeq, ExcludingSeq, RangesSeq, type IndexSeq } from "./index-seq";

// The search planner. Results are the union of two parts:
//  - generated records not taken over by the overlay: filters on hs_object_id and (when the
//    generator guarantees it) on the modified date become index ranges by binary search; any
//    other filter means scanning those ranges, whose result is cached per filter set (generated
//    records never change, so a scan stays valid; the overlay is subtracted at read time);
//  - overlay records (changed, created), evaluated one by one as the search index sees them.
// When the sort is by id or by the modified date the generated part is already in order, and the
// two parts are merged by rank without materialising either; other sorts sort everything.

export interface SearchResult {
  total: number;
  records: CrmRecord[];
  nextOffset?: number;
}

interface GroupPlan {
  from: number;
  to: number;
  residual: Filter[];
}

const SCAN_CACHE_SIZE = 16;

export class SearchEngine {
  private readonly scans = new Map<string, Uint32Array>();

  constructor(
    private readonly collection: Collection,
    /** Ids of the records associated with a record, for associations.* filters. */
    private readonly associated: (id: number, toSingular: string) => string[],
  ) {}

  run(q: SearchQuery, now: number): SearchResult {
    const c = this.collection;
    const matches = (record: CrmRecord) => this.matches(q, record);
    const overlay: CrmRecord[] = [];
    for (const id of c.overlayIds()) {
      const record = c.searchView(id, now);
      if (record && matches(record)) overlay.push(record);
    }
    const generated = new ExcludingSeq(this.generatedMatches(q), c.overlaidIndices());
    const total = generated.length + overlay.length;
    const end = Math.min(total, q.offset + q.limit);
    const sortBy = q.sort?.propertyName ?? "hs_object_id";
    const descending = q.sort?.descending ?? false;
    const byIndex = sortBy === "hs_object_id" || (sortBy === c.schema.modifiedProperty && c.source.modifiedAt !== undefined);
    const records = byIndex
      ? this.mergeInIndexOrder(generated, overlay, sortBy, descending, q.offset, end)
      : this.sortEverything(generated, overlay, sortBy, descending).slice(q.offset, end);
    return { total, records, ...(end < total ? { nextOffset: end } : {}) };
  }

  private valueOf(record: CrmRecord): ValueOf {
    return (name) => (name.startsWith("associations.") ? this.associated(record.id, name.slice("associations.".length)) : record.properties[name]);
  }

  private matches(q: SearchQuery, record: CrmRecord): boolean {
    const valueOf = this.valueOf(record);
    const schema = this.collection.schema;
    if (q.query && !matchesQuery(q.query, valueOf, schema)) return false;
    return q.filterGroups.length === 0 || q.filterGroups.some((g) => g.every((f) => matchesFilter(f, valueOf, schema)));
  }

  private generatedMatches(q: SearchQuery): IndexSeq {
    const count = this.collection.source.count;
    const plans: GroupPlan[] =
      q.filterGroups.length === 0 ? [{ from: 0, to: count, residual: [] }] : q.filterGroups.map((g) => this.planGroup(g));
    if (!q.query && plans.every((p) => p.residual.length === 0)) return new RangesSeq(plans.map((p) => [p.from, p.to] as const));

    const key = JSON.stringify([q.filterGroups, q.query ?? null]);
    let found = this.scans.get(key);
    if (found) {
      this.scans.delete(key);
    } else {
      found = this.scan(q, plans);
      if (this.scans.size >= SCAN_CACHE_SIZE) this.scans.delete(this.scans.keys().next().value!);
    }
    this.scans.set(key, found);
    return new ArraySeq(found);
  }

  private scan(q: SearchQuery, plans: GroupPlan[]): Uint32Array {
    const { idBase, source, schema } = this.collection;
    const union = new RangesSeq(plans.map((p) => [p.from, p.to] as const));
    let out = new Uint32Array(1024);
    let n = 0;
    for (let k = 0; k < union.length; k++) {
      const index = union.at(k);
      let record: CrmRecord | undefined;
      const load = () => (record ??= { id: idBase + index, properties: source.properties(index), archived: false });
      if (q.query && !matchesQuery(q.query, this.valueOf(load()), schema)) continue;
      const hit = plans.some(
        (p) => index >= p.from && index < p.to && (p.residual.length === 0 || p.residual.every((f) => matchesFilter(f, this.valueOf(load()), schema))),
      );
      if (!hit) continue;
      if (n === out.length) {
        const bigger = new Uint32Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
      out[n++] = index;
    }
    return out.slice(0, n);
  }

  /** Turns the group's filters on id and modified date into an index range; the rest are residual. */
  private planGroup(filters: Filter[]): GroupPlan {
    const { idBase, source, schema } = this.collection;
    const count = source.count;
    let from = 0;
    let to = count;
    const residual: Filter[] = [];
    for (const f of filters) {
      let bound: ((t: number) => number) | undefined;
      if (f.propertyName === "hs_object_id") bound = (id) => Math.min(count, Math.max(0, Math.ceil(id) - idBase));
      else if (f.propertyName === schema.modifiedProperty && source.firstModifiedAtOrAfter) {
        bound = (t) => source.firstModifiedAtOrAfter!(Math.ceil(t));
      }
      const type = f.propertyName === "hs_object_id" ? "number" : "datetime";
      const v = f.value === undefined ? undefined : numeric(type, f.value);
      const h = f.highValue === undefined ? undefined : numeric(type, f.highValue);
      // bound(x) is the first index whose key is >= x; keys are integers, so "> x" is ">= floor(x)+1".
      const range: [number, number] | undefined = !bound
        ? undefined
        : f.operator === "EQ" && v !== undefined
          ? Number.isInteger(v) ? [bound(v), bound(v + 1)] : [0, 0]
          : f.operator === "GT" && v !== undefined
            ? [bound(Math.floor(v) + 1), count]
            : f.operator === "GTE" && v !== undefined
              ? [bound(v), count]
              : f.operator === "LT" && v !== undefined
                ? [0, bound(v)]
                : f.operator === "LTE" && v !== undefined
                  ? [0, bound(Math.floor(v) + 1)]
                  : f.operator === "BETWEEN" && v !== undefined && h !== undefined
                    ? [bound(v), bound(Math.floor(h) + 1)]
                    : undefined;
      if (range) {
        from = Math.max(from, range[0]);
        to = Math.min(to, range[1]);
        continue;
      }
      residual.push(f);
      // An IN list still bounds the scan to the span between its smallest and largest value.
      if (bound && f.operator === "IN" && f.values && f.values.length > 0) {
        const keys = f.values.map((x) => numeric(type, x) ?? NaN);
        if (keys.every(Number.isFinite)) {
          from = Math.max(from, bound(Math.min(...keys)));
          to = Math.min(to, bound(Math.floor(Math.max(...keys)) + 1));
        }
      }
    }
    return { from, to: Math.max(from, to), residual };
  }

  private mergeInIndexOrder(
    generated: IndexSeq,
    overlay: CrmRecord[],
    sortBy: string,
    descending: boolean,
    start: number,
    end: number,
  ): CrmRecord[] {
    const { idBase, source, schema } = this.collection;
    const byId = sortBy === "hs_object_id";
    const indexKey = (index: number): [number, number] => [byId ? idBase + index : source.modifiedAt!(index), idBase + index];
    const recordKey = (r: CrmRecord): [number, number] => [
      byId ? r.id : (parseDateValue(r.properties[schema.modifiedProperty] ?? "") ?? 0),
      r.id,
    ];
    const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];
    const sign = descending ? -1 : 1;
    overlay.sort((a, b) => sign * cmp(recordKey(a), recordKey(b)));

    const len = generated.length;
    /** Number of generated entries whose key is below `key` (or at most `key`, when inclusive). */
    const countBelow = (key: [number, number], inclusive: boolean) => {
      let lo = 0;
      let hi = len;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const c = cmp(indexKey(generated.at(mid)), key);
        if (c < 0 || (inclusive && c === 0)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    // Merged position of each overlay record: the generated entries ahead of it, plus its rank.
    const positions = overlay.map((r, j) => (descending ? len - countBelow(recordKey(r), true) : countBelow(recordKey(r), false)) + j);

    const out: CrmRecord[] = [];
    let j = 0;
    while (j < positions.length && positions[j]! < start) j++;
    for (let p = start; p < end; p++) {
      if (j < positions.length && positions[j] === p) {
        out.push(overlay[j]!);
        j++;
        continue;
      }
      const k = p - j;
      const index = generated.at(descending ? len - 1 - k : k);
      out.push(this.collection.get(idBase + index)!);
    }
    return out;
  }

  private sortEverything(generated: IndexSeq, overlay: CrmRecord[], sortBy: string, descending: boolean): CrmRecord[] {
    const { idBase } = this.collection;
    const all: CrmRecord[] = [...overlay];
    for (let k = 0; k < generated.length; k++) all.push(this.collection.get(idBase + generated.at(k))!);
    const type = this.collection.schema.properties[sortBy]?.type ?? "string";
    const key = (r: CrmRecord): number | string | undefined => {
      const v = r.properties[sortBy];
      if (v === undefined || v === "") return undefined;
      return type === "datetime" || type === "number" ? (numeric(type, v) ?? undefined) : v.toLowerCase();
    };
    const sign = descending ? -1 : 1;
    return all
      .map((r) => ({ r, k: key(r) }))
      .sort((a, b) => {
        // Records without the property come last in either direction.
        if (a.k === undefined || b.k === undefined) return a.k === b.k ? a.r.id - b.r.id : a.k === undefined ? 1 : -1;
        const c = a.k < b.k ? -1 : a.k > b.k ? 1 : 0;
        return sign * (c || a.r.id - b.r.id);
      })
      .map((x) => x.r);
  }
}
