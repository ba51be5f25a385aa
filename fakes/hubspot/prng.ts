// Deterministic randomness. Every generated record draws from its own stream, keyed by
// (seed, stream, index), so record N can be produced without producing records 0..N-1:
// that is what lets a 1,000,000-ticket data set stay lazy.

/** Mixes 32-bit integers into one well-spread 32-bit hash (murmur3 finaliser per part). */
function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Fold values above 2^32 (ids) in two halves so no bits are lost.
    const lo = part >>> 0;
    const hi = Math.floor(part / 0x1_0000_0000) >>> 0;
    for (const word of hi === 0 ? [lo] : [lo, hi]) {
      h = Math.imul(h ^ word, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** Prepared weight tables, keyed by the weights object: callers pass module constants, not literals. */
const weightTables = new WeakMap<object, { keys: string[]; weights: number[]; total: number }>();

/** Small, fast PRNG (mulberry32) with the helpers the generator needs. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Picks a key by relative weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = weightTables.get(weights);
    if (!table) {
      const entries = Object.entries(weights) as [string, number][];
      table = { keys: entries.map(([k]) => k), weights: entries.map(([, w]) => w), total: entries.reduce((sum, [, w]) => sum + w, 0) };
      weightTables.set(weights, table);
    }
    let roll = this.next() * table.total;
    for (let i = 0; i < table.keys.length; i++) {
      roll -= table.weights[i]!;
      if (roll < 0) return table.keys[i] as K;
    }
    return table.keys[table.keys.length - 1] as K;
  }

  /** 32 lowercase hex characters, the shape of a HubSpot conversations message id. */
  hex32(): string {
    let out = "";
    for (let i = 0; i < 4; i++) out += Math.floor(this.next() * 0x1_0000_0000).toString(16).padStart(8, "0");
    return out;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** The generator's streams: one per kind of decision, so adding one never shifts another. */
export const Stream = {
  company: 1,
  contact: 2,
  ticket: 3,
  story: 4,
  text: 5,
  message: 6,
} as const;

export function rngFor(seed: number, stream: number, index: number, sub = 0): Rng {
  return new Rng(hash32(seed, stream, index, sub));
}
