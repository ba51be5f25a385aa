import { decodeCursor, encodeCursor, intParam } from "../params";
import { SINGULAR, iso, objectType } from "../properties";
import { route, type HubSpotRouter, type RequestContext } from "../routes";
import { ASSOCIATION_TYPES, type Association } from "../store/associations";
import type { Portal } from "../store/portal";
import { batchError, batchIds, recordId } from "./present";

// Associations v4: the associations of one record, and a batch read for many.

const MAX_LIMIT = 500;
const MAX_BATCH = 1000;

export function associationRoutes(router: HubSpotRouter, portal: () => Portal): void {
  router
    .add("GET", "/crm/v4/objects/:objectType/:objectId/associations/:toObjectType", route("read", (ctx) => listOne(portal(), ctx)))
    .add("POST", "/crm/v4/associations/:fromObjectType/:toObjectType/batch/read", route("read", (ctx) => batchRead(portal(), ctx)));
}

function listOne(portal: Portal, ctx: RequestContext) {
  const from = objectType(ctx.params.objectType!);
  const to = objectType(ctx.params.toObjectType!);
  const fromRecord = portal.record(from, recordId(ctx.params.objectId));
  const limit = intParam(ctx.query, "limit", MAX_LIMIT, MAX_LIMIT);
  const offset = decodeCursor(ctx.query.get("after"));
  const all = portal.associationsOf(from, fromRecord.id, to);
  const body: Record<string, unknown> = { results: all.slice(offset, offset + limit).map(present) };
  if (offset + limit < all.length) body.paging = { next: { after: encodeCursor(offset + limit) } };
  return { status: 200, body };
}

function batchRead(portal: Portal, ctx: RequestContext) {
  const from = objectType(ctx.params.fromObjectType!);
  const to = objectType(ctx.params.toObjectType!);
  const startedAt = iso(portal.now());
  const results = [];
  const missing: string[] = [];
  const empty: string[] = [];
  for (const raw of [...new Set(batchIds(ctx.body, MAX_BATCH))]) {
    const id = Number(raw);
    if (!/^\d+$/.test(raw) || !portal.exists(from, id)) {
      missing.push(raw);
      continue;
    }
    const associations = portal.associationsOf(from, id, to);
    if (associations.length === 0) empty.push(raw);
    else results.push({ from: { id: raw }, to: associations.map(present) });
  }
  const body: Record<string, unknown> = { status: "COMPLETE", results, startedAt, completedAt: iso(portal.now()) };
  const errors = [
    ...(missing.length ? [batchError(`Could not find ${SINGULAR[from]} records with ids ${missing.join(", ")}.`, "OBJECT_NOT_FOUND", { fromObjectId: missing })] : []),
    ...empty.map((raw) => batchError(`No ${SINGULAR[to]} is associated with ${SINGULAR[from]} ${raw}.`, "OBJECT_NOT_FOUND", { fromObjectId: [raw] })),
  ];
  if (errors.length === 0) return { status: 200, body };
  return { status: 207, body: { ...body, errors, numErrors: errors.length } };
}

/**
 * toObjectId is a string, as HubSpot's spec says (the live API has been seen to send a number:
 * clients should accept both); unlabeled types carry label null, as the live API sends.
 */
function present(a: Association) {
  return {
    toObjectId: String(a.toId),
    associationTypes: a.typeIds.map((typeId) => ({ category: "HUBSPOT_DEFINED", typeId, label: ASSOCIATION_TYPES.get(typeId)!.label })),
  };
}
