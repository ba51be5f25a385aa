import { randomBytes } from "node:crypto";

// Slack's identifier shapes: message timestamps ("1732700000.000100"), event ids ("Ev…"),
// trigger ids, view ids.

/**
 * Message timestamps: seconds and microseconds from the wall clock, strictly increasing across the
 * whole workspace (so also per channel, which is what Slack promises), and never reused.
 */
export class TsClock {
  private lastMicros = 0;

  next(): string {
    this.lastMicros = Math.max(Date.now() * 1000, this.lastMicros + 1);
    return formatTs(this.lastMicros);
  }
}

/** "seconds.micros", as Slack writes message and action timestamps. */
export function formatTs(micros: number): string {
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, "0")}`;
}

/** Milliseconds since the epoch of a message ts. */
export function tsToMs(ts: string): number {
  return Math.floor(Number(ts) * 1000);
}

/** Orders two timestamps numerically (string order breaks when the seconds gain a digit). */
export function compareTs(a: string, b: string): number {
  return Number(a) - Number(b);
}

/** Slack-like ids from a counter seeded with the wall clock, so a restarted simulator never repeats one. */
export class IdSequence {
  private next = Date.now() * 1000;

  constructor(private readonly prefix: string) {}

  take(): string {
    return `${this.prefix}${(this.next++).toString(36).toUpperCase()}`;
  }
}

/** Shaped like Slack's ("13345224609.738474920.8088930838d88f008e0"); only this simulator can redeem it. */
export function triggerId(teamNumber: string): string {
  return `${Math.floor(Date.now() / 1000)}.${teamNumber}.${randomBytes(16).toString("hex")}`;
}

export function secretToken(bytes = 12): string {
  return randomBytes(bytes).toString("hex");
}
