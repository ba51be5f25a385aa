import { badRequest, notFound } from "../errors";
import { boolParam, intParam, listParam } from "../params";
import { SCHEMAS, SINGULAR, iso, objectType } from "../properties";
import { route, type HubSpotRouter, type RequestContext } from "../routes";
import { parseSearch } from "../store/filters";
import { API_ACTOR, type NewAssociation, type Portal } from "../store/portal";
import { associationTypes, batchError, batchIds, presentObject, recordId } from "./present";

// CRM objects v3 (tickets, contacts, companies, notes): list, get, create, update, archive,
// batch read, search, and ticket merge.

const MAX_LIST_LIMIT = 100;
const MAX_BATCH = 100;

export function crmObjectRoutes(router: HubSpotRouter, portal: () => Portal): void {
  router
    .add("GET", "/crm/v3/objects/:objectType", route("read", (ctx) => list(portal(), ctx)))
    .add("POST", "/crm/v3/objects/:objectType", route("write", (ctx) => create(portal(), ctx)))
    .add("POST", "/crm/v3/objects/:objectType/batch/read", route("read", (ctx) => batchRead(portal(), ctx)))
    .add("POST", "/crm/v3/objects/:objectType/search", route("search", (ctx) => search(portal(), ctx)))
    .add("POST", "/crm/v3/objects/tickets/merge", route("write", (ctx) => merge(portal(), ctx)))
    .add("GET", "/crm/v3/objects/:objectType/:id", route("read", (ctx) => get(portal(), ctx)))
    .add("PATCH", "/crm/v3/objects/:objectType/:id", route("write", (ctx) => update(portal(), ctx)))
    .add("DELETE", "/crm/v3/objects/:objectType/:id", route("write", (ctx) => archive(portal(), ctx)));
}

function list(portal: Portal, ctx: RequestContext) {
  const type = objectType(ctx.params.objectType!);
  const limit = intParam(ctx.query, "limit", 10, MAX_LIST_LIMIT);
  const afterRaw = ctx.query.get("after");
  if (afterRaw !== null && afterRaw !== "" && !/^\d+$/.test(afterRaw)) throw badRequest(`Invalid after: ${afterRaw}`);
  const after = afterRaw ? Number(afterRaw) : 0;
  const { records, nextAfter } = portal.collections[type].list(after, limit, boolParam(ctx.query, "archived"));
  const options = { properties: listParam(ctx.query, "properties"), associations: associationTypes(listParam(ctx.query, "associations")) };
  const body: Record<string, unknown> = { results: records.map((r) => presentObject(portal, type, r, options)) };
  if (nextAfter !== undefined) {
    const link = new URL(ctx.path, ctx.baseUrl);
    ctx.query.forEach((value, key) => key !== "after" && link.searchParams.append(key, value));
    link.searchParams.set("after", String(nextAfter));
    body.paging = { next: { after: String(nextAfter), link: link.toString() } };
  }
  return { status: 200, body };
}

function get(portal: Portal, ctx: RequestContext) {
  const type = objectType(ctx.params.objectType!);
  const idProperty = ctx.query.get("idProperty");
  const archived = boolParam(ctx.query, "archived");
  const collection = portal.collections[type];
  let record;
  if (idProperty && idProperty !== "hs_object_id") {
    // A lookup by another unique property (e.g. a contact's email) is a search for that value.
    if (!SCHEMAS[type].properties[idProperty]) throw badRequest(`Property "${idProperty}" does not exist`);
    const found = portal.search[type].run(
      {
        filterGroups: [[{ propertyName: idProperty, operator: "EQ", value: ctx.params.id! }]],
        sort: undefined,
        properties: [],
        limit: 1,
        offset: 0,
        query: undefined,
      },
      portal.now(),
    );
    record = found.records[0];
  } else {
    const id = recordId(ctx.params.id);
    record = archived ? collection.get(id) : collection.live(collection.mergedInto.get(id) ?? id);
  }
  if (!record || record.archived !== archived) throw notFound();
  const options = { properties: listParam(ctx.query, "properties"), associations: associationTypes(listParam(ctx.query, "associations")) };
  return { status: 200, body: presentObject(portal, type, record, options) };
}

function create(portal: Portal, ctx: RequestContext) {
  const type = objectType(ctx.params.objectType!);
  const body = (ctx.body ?? {}) as { properties?: unknown; associations?: unknown };
  const record = portal.create(type, body.properties ?? {}, parseAssociations(body.associations), API_ACTOR);
  return { status: 201, body: presentObject(portal, type, record, { properties: Object.keys(record.properties) }) };
}

function update(portal: Portal, ctx: RequestContext) {
  const type = objectType(ctx.params.objectType!);
  const body = (ctx.body ?? {}) as { properties?: unknown };
  if (body.properties === undefined) throw badRequest("properties is required");
  const record = portal.update(type, recordId(ctx.params.id), body.properties, API_ACTOR);
  return { status: 200, body: presentObject(portal, type, record, { properties: Object.keys(record.properties) }) };
}

function archive(portal: Portal, ctx: RequestContext) {
  portal.archive(objectType(ctx.params.objectType!), recordId(ctx.params.id), API_ACTOR);
  return { status: 204 };
}

function merge(portal: Portal, ctx: RequestContext) {
  const body = (ctx.body ?? {}) as { primaryObjectId?: unknown; objectIdToMerge?: unknown };
  const ids = [body.primaryObjectId, body.objectIdToMerge].map((v) => {
    if ((typeof v !== "string" && typeof v !== "number") || !/^\d+$/.test(String(v))) throw badRequest("primaryObjectId and objectIdToMerge are required");
    return Number(v);
  });
  const record = portal.mergeTickets(ids[0]!, ids[1]!, API_ACTOR);
  return { status: 200, body: presentObject(portal, "tickets", record, { properties: Object.keys(record.properties) }) };
}

function batchRead(portal: Portal, ctx: RequestContext) {
  const type = objectType(ctx.params.objectType!);
  const startedAt = iso(portal.now());
  const ids = [...new Set(batchIds(ctx.body, MAX_BATCH))];
  const body = (ctx.body ?? {}) as { properties?: unknown; idProperty?: unknown };
  if (body.idProperty !== undefined && body.idProperty !== "hs_object_id") throw badRequest("Only hs_object_id is supported as idProperty here");
  const properties = Array.isArray(body.properties) ? body.properties.map(String) : [];
  const collection = portal.collections[type];
  const results = [];
  const missing: string[] = [];
  for (const raw of ids) {
    const id = Number(raw);
    const record = /^\d+$/.test(raw) ? collection.live(collection.mergedInto.get(id) ?? id) : undefined;
    if (record) results.push(presentObject(portal, type, record, { properties }));
    else missing.push(raw);
  }
  const out: Record<string, unknown> = { status: "COMPLETE", results, startedAt, completedAt: iso(portal.now()) };
  if (missing.length === 0) return { status: 200, body: out };
  out.errors = [batchError(`Could not get some ${SINGULAR[type].toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`, "OBJECT_NOT_FOUND", { ids: missing })];
  out.numErrors = 1;
  return { status: 207, body: out };
}

function search(portal: Portal, ctx: RequestContext) {
  const type = objectType(ctx.params.objectType!);
  const query = parseSearch(ctx.body, SCHEMAS[type]);
  const result = portal.search[type].run(query, portal.now());
  const body: Record<string, unknown> = {
    total: result.total,
    results: result.records.map((r) => presentObject(portal, type, r, { properties: query.properties })),
  };
  if (result.nextOffset !== undefined) body.paging = { next: { after: String(result.nextOffset) } };
  return { status: 200, body };
}

/** `associations: [{to:{id}, types:[{associationCategory, associationTypeId}]}]` on create. */
function parseAssociations(raw: unknown): NewAssociation[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw badRequest("associations must be an array");
  return raw.flatMap((a) => {
    const to = (a as { to?: { id?: unknown } })?.to?.id;
    const types = (a as { types?: unknown })?.types;
    if ((typeof to !== "string" && typeof to !== "number") || !/^\d+$/.test(String(to))) throw badRequest("Every association needs to.id");
    if (!Array.isArray(types) || types.length === 0) throw badRequest("Every association needs types");
    return types.map((t) => {
      const { associationCategory, associationTypeId } = (t ?? {}) as { associationCategory?: unknown; associationTypeId?: unknown };
      if (associationCategory !== "HUBSPOT_DEFINED") throw badRequest(`Unsupported associationCategory ${String(associationCategory)}`);
      if (typeof associationTypeId !== "number" || !Number.isInteger(associationTypeId)) throw badRequest("associationTypeId must be an integer");
      return { toId: Number(to), typeId: associationTypeId };
    });
  });
}
