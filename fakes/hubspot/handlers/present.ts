import { randomUUID } from "node:crypto";
import { badRequest, notFound } from "../errors";
import { SCHEMAS, iso, objectType, parseDateValue, type ObjectType } from "../properties";
import { ASSOCIATION_TYPES } from "../store/associations";
import type { CrmRecord } from "../store/collection";
import type { Portal } from "../store/portal";

// The wire shape of CRM objects, shared by list, get, batch, search, create and update.

export interface PresentOptions {
  /** Requested property names; HubSpot returns its defaults when none are named. */
  properties?: string[];
  /** Requested association types (v3 names such as "contacts"). */
  associations?: ObjectType[];
}

export function presentObject(portal: Portal, type: ObjectType, record: CrmRecord, options: PresentOptions = {}) {
  const schema = SCHEMAS[type];
  const requested = options.properties?.filter((name) => schema.properties[name]) ?? [];
  // With no names HubSpot returns its defaults; named ones (unknown names dropped) come with the always-present few.
  const names = options.properties && options.properties.length > 0 ? [...new Set([...schema.always, ...requested])] : [...schema.defaults];
  const properties: Record<string, string | null> = {};
  for (const name of names.sort()) properties[name] = record.properties[name] ?? null;

  const createdAt = instant(record.properties[schema.createdProperty]);
  const updatedAt = instant(record.properties[schema.modifiedProperty]) ?? createdAt;
  const out: Record<string, unknown> = {
    id: String(record.id),
    properties,
    createdAt: createdAt ?? iso(0),
    updatedAt: updatedAt ?? iso(0),
    archived: record.archived,
  };
  if (record.archived && record.archivedAt !== undefined) out.archivedAt = iso(record.archivedAt);

  const associations: Record<string, { results: { id: string; type: string }[] }> = {};
  for (const to of options.associations ?? []) {
    const results = portal.associationsOf(type, record.id, to).flatMap((a) =>
      a.typeIds.map((typeId) => ({ id: String(a.toId), type: ASSOCIATION_TYPES.get(typeId)!.name })),
    );
    // HubSpot leaves out association types with no results.
    if (results.length > 0) associations[to] = { results };
  }
  if (Object.keys(associations).length > 0) out.associations = associations;
  return out;
}

function instant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = parseDateValue(value);
  return ms === undefined ? undefined : iso(ms);
}

/** Association names in a query (`associations=contacts,companies`); unknown ones are ignored, as HubSpot does. */
export function associationTypes(names: string[]): ObjectType[] {
  const out = new Set<ObjectType>();
  for (const name of names) {
    try {
      out.add(objectType(name));
    } catch {
      // HubSpot ignores association types it does not know.
    }
  }
  return [...out];
}

/** A numeric record id from a path; anything else cannot exist. */
export function recordId(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw notFound();
  return id;
}

/** Ids in a batch body; HubSpot wants strings but accepts numbers. */
export function batchIds(body: unknown, max: number): string[] {
  const inputs = (body as { inputs?: unknown } | undefined)?.inputs;
  if (!Array.isArray(inputs)) throw badRequest("inputs must be an array");
  if (inputs.length > max) throw badRequest(`Too many inputs: the limit is ${max}`);
  return inputs.map((input) => {
    const id = (input as { id?: unknown })?.id;
    if (typeof id !== "string" && typeof id !== "number") throw badRequest("Every input needs an id");
    return String(id);
  });
}

/** HubSpot's per-item error in batch answers (StandardError). */
export function batchError(message: string, category: string, context: Record<string, string[]>) {
  return { status: "error", category, message, context, errors: [], links: {}, id: randomUUID() };
}
