import { SlackApiError } from "../errors";

// Slack's cursors are opaque base64 strings such as base64("next_ts:1512085861.000543") or
// base64("user:U0G9QF9C6"): a position to resume from. Clients must pass them back unchanged.

export function encodeCursor(kind: string, position: string): string {
  return Buffer.from(`${kind}:${position}`).toString("base64");
}

export function decodeCursor(kind: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, "base64").toString("utf8");
  if (!text.startsWith(`${kind}:`)) throw new SlackApiError("invalid_cursor");
  return text.slice(kind.length + 1);
}

/** One page of a list ordered by id-like keys, resuming at the cursor's key. */
export function pageByKey<T>(items: readonly T[], key: (item: T) => string, kind: string, cursor: string | undefined, limit: number) {
  const from = decodeCursor(kind, cursor);
  const start = from === undefined ? 0 : items.findIndex((item) => key(item) === from);
  if (start < 0) throw new SlackApiError("invalid_cursor");
  const page = items.slice(start, start + limit);
  const next = items[start + limit];
  return { page, nextCursor: next === undefined ? "" : encodeCursor(kind, key(next)) };
}
