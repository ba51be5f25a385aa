import { lowerBound } from "./collection";

// Sorted sequences of generated indices that are never materialised in full: a union of index
// ranges, an explicit list (a scan's result), and either of those minus the indices the overlay
// has taken over. Search pages through them with random access.

export interface IndexSeq {
  readonly length: number;
  /** The k-th index, ascending. */
  at(k: number): number;
  /** Position of the index in the sequence, or -1. */
  indexOf(index: number): number;
}

export class RangesSeq implements IndexSeq {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Number of indices before each range. */
  private readonly before: number[] = [];
  readonly length: number;

  /** Ranges are [from, to) and may overlap; they are merged here. */
  constructor(ranges: readonly (readonly [number, number])[]) {
    const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
    let total = 0;
    for (const [from, to] of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && from <= this.ends[last]!) {
        if (to > this.ends[last]!) {
          total += to - this.ends[last]!;
          this.ends[last] = to;
        }
        continue;
      }
      this.starts.push(from);
      this.ends.push(to);
      this.before.push(total);
      total += to - from;
    }
    this.length = total;
  }

  at(k: number): number {
    const r = upperBound(this.before, k) - 1;
    return this.starts[r]! + (k - this.before[r]!);
  }

  indexOf(index: number): number {
    const r = upperBound(this.starts, index) - 1;
    if (r < 0 || index >= this.ends[r]!) return -1;
    return this.before[r]! + (index - this.starts[r]!);
  }
}

export class ArraySeq implements IndexSeq {
  constructor(private readonly items: Uint32Array) {}

  get length(): number {
    return this.items.length;
  }

  at(k: number): number {
    return this.items[k]!;
  }

  indexOf(index: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.items.length && this.items[lo] === index ? lo : -1;
  }
}

/** A sequence without some of its members; `excluded` is ascending and usually small. */
export class ExcludingSeq implements IndexSeq {
  /** Positions (in the base) of the excluded members that the base contains, ascending. */
  private readonly gaps: number[];
  readonly length: number;

  constructor(
    private readonly base: IndexSeq,
    excluded: readonly number[],
  ) {
    this.gaps = excluded.map((index) => base.indexOf(index)).filter((pos) => pos >= 0);
    this.length = base.length - this.gaps.length;
  }

  /** The k-th remaining member: the smallest base position j with j - gapsUpTo(j) = k, not a gap. */
  at(k: number): number {
    let lo = k;
    let hi = k + this.gaps.length;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid - upperBound(this.gaps, mid) < k) lo = mid + 1;
      else hi = mid;
    }
    return this.base.at(lo);
  }

  indexOf(index: number): number {
    const pos = this.base.indexOf(index);
    if (pos < 0) return -1;
    const gap = lowerBound(this.gaps, pos);
    return this.gaps[gap] === pos ? -1 : pos - gap;
  }
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
