import { badRequest } from "./errors";

// Query parameters and paging cursors, read as HubSpot reads them (errors in HubSpot's shape).

/**
 * Values of a list parameter. The official client repeats the key (properties=a&properties=b);
 * HubSpot's docs show the comma form (properties=a,b): both are accepted, as HubSpot does.
 */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

export function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw badRequest(`Invalid value for ${name}: ${raw}`);
  if (value > max) throw badRequest(`${name}: must be less than or equal to ${max}`);
  return value;
}

export function boolParam(query: URLSearchParams, name: string): boolean {
  return query.get(name) === "true";
}

/** An opaque cursor, as HubSpot's conversations API uses: clients must not do arithmetic on it. */
export function encodeCursor(offset: number): string {
  return Buffer.from(String(offset)).toString("base64url");
}

export function decodeCursor(cursor: string | null): number {
  if (cursor === null || cursor === "") return 0;
  const offset = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isInteger(offset) || offset < 0) throw badRequest(`Invalid paging cursor: ${cursor}`);
  return offset;
}
