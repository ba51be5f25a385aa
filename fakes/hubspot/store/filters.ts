import { badRequest } from "../errors";
import { parseDateValue, type ObjectSchema } from "../properties";

// The search API's request: validation with HubSpot's limits, and evaluation of filters on one
// record. Kept apart from the planner (search.ts), which decides which records to look at.

const OPERATORS = [
  "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
  "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface SearchQuery {
  filterGroups: Filter[][];
  sort: { propertyName: string; descending: boolean } | undefined;
  properties: string[];
  limit: number;
  offset: number;
  query: string | undefined;
}

const MAX_SEARCH_LIMIT = 200;
/** Search never pages past this many results; clients must narrow the filter instead. */
const SEARCH_RESULT_CAP = 10_000;

/** Association pseudo-properties HubSpot allows in filters, e.g. associations.contact EQ 123. */
const ASSOCIATION_PROPERTY = /^associations\.(contact|company|ticket|note)$/;

export function parseSearch(body: unknown, schema: ObjectSchema): SearchQuery {
  const input = (body ?? {}) as Record<string, unknown>;
  if (typeof input !== "object" || Array.isArray(input)) throw badRequest("Invalid search request");
  const groupsInput = input.filterGroups ?? [];
  if (!Array.isArray(groupsInput)) throw badRequest("filterGroups must be an array");
  if (groupsInput.length > 5) throw badRequest("Too many filter groups: the limit is 5");
  let total = 0;
  const filterGroups = groupsInput.map((group) => {
    const filters = (group as { filters?: unknown })?.filters ?? [];
    if (!Array.isArray(filters)) throw badRequest("filters must be an array");
    if (filters.length > 6) throw badRequest("Too many filters in a group: the limit is 6");
    total += filters.length;
    return filters.map((f) => parseFilter(f, schema));
  });
  if (total > 18) throw badRequest("Too many filters: the limit is 18 across all groups");

  const sortsInput = input.sorts ?? [];
  if (!Array.isArray(sortsInput)) throw badRequest("sorts must be an array");
  if (sortsInput.length > 1) throw badRequest("Only one sort is supported");
  const sort = sortsInput.length === 1 ? parseSort(sortsInput[0], schema) : undefined;

  const limit = input.limit === undefined ? 10 : Number(input.limit);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`Invalid limit: ${String(input.limit)}`);
  if (limit > MAX_SEARCH_LIMIT) throw badRequest(`limit must be less than or equal to ${MAX_SEARCH_LIMIT}`);
  const after = input.after === undefined || input.after === null || input.after === "" ? 0 : Number(input.after);
  if (!Number.isInteger(after) || after < 0) throw badRequest(`Invalid after: ${String(input.after)}`);
  // HubSpot's answer when a client pages past the cap (message as observed; unverified detail).
  if (after + limit > SEARCH_RESULT_CAP) throw badRequest("There was a problem with the request.");

  const properties = Array.isArray(input.properties) ? input.properties.map(String) : [];
  const query = typeof input.query === "string" && input.query.trim() !== "" ? input.query.trim() : undefined;
  return { filterGroups, sort, properties, limit, offset: after, query };
}

function parseFilter(raw: unknown, schema: ObjectSchema): Filter {
  const f = raw as Record<string, unknown>;
  const propertyName = f?.propertyName;
  if (typeof propertyName !== "string" || propertyName === "") throw badRequest("Every filter needs a propertyName");
  const operator = f.operator;
  if (typeof operator !== "string" || !(OPERATORS as readonly string[]).includes(operator)) {
    throw badRequest(`Unknown operator ${String(operator)} for property ${propertyName}`);
  }
  const def = schema.properties[propertyName];
  if (!def && !ASSOCIATION_PROPERTY.test(propertyName)) throw badRequest(`Property "${propertyName}" does not exist`);
  const filter: Filter = { propertyName, operator: operator as Operator };
  if (f.value !== undefined && f.value !== null) filter.value = String(f.value);
  if (f.highValue !== undefined && f.highValue !== null) filter.highValue = String(f.highValue);
  if (Array.isArray(f.values)) filter.values = f.values.map(String);

  const needs = (field: "value" | "values" | "highValue") => {
    if (filter[field] === undefined) throw badRequest(`Operator ${operator} on ${propertyName} needs "${field}"`);
  };
  if (operator === "IN" || operator === "NOT_IN") needs("values");
  else if (operator === "BETWEEN") {
    needs("value");
    needs("highValue");
  } else if (operator !== "HAS_PROPERTY" && operator !== "NOT_HAS_PROPERTY") needs("value");

  if (def && (def.type === "datetime" || def.type === "number")) {
    for (const v of [filter.value, filter.highValue, ...(filter.values ?? [])]) {
      if (v !== undefined && numeric(def.type, v) === undefined) {
        throw badRequest(`Invalid value "${v}" for ${def.type} property ${propertyName}`);
      }
    }
  }
  return filter;
}

function parseSort(raw: unknown, schema: ObjectSchema): SearchQuery["sort"] {
  let propertyName: string;
  let descending = false;
  if (typeof raw === "string") {
    descending = raw.startsWith("-");
    propertyName = descending ? raw.slice(1) : raw;
  } else if (raw && typeof raw === "object" && typeof (raw as { propertyName?: unknown }).propertyName === "string") {
    const s = raw as { propertyName: string; direction?: unknown };
    propertyName = s.propertyName;
    if (s.direction !== undefined && s.direction !== "ASCENDING" && s.direction !== "DESCENDING") {
      throw badRequest(`Invalid sort direction ${String(s.direction)}`);
    }
    descending = s.direction === "DESCENDING";
  } else {
    throw badRequest("Invalid sort");
  }
  if (!schema.properties[propertyName]) throw badRequest(`Property "${propertyName}" does not exist`);
  return { propertyName, descending };
}

export function numeric(type: "datetime" | "number", value: string): number | undefined {
  if (type === "datetime") return parseDateValue(value);
  const n = Number(value);
  return value.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

/** The values a filter compares against: a property's value, or the ids of associated records. */
export type ValueOf = (propertyName: string) => string | string[] | undefined;

export function matchesFilter(filter: Filter, valueOf: ValueOf, schema: ObjectSchema): boolean {
  const raw = valueOf(filter.propertyName);
  const values = raw === undefined || raw === "" ? [] : Array.isArray(raw) ? raw : [raw];
  const type = schema.properties[filter.propertyName]?.type ?? "string";
  const compare = (a: string, b: string): number => {
    if (type === "datetime" || type === "number") return (numeric(type, a) ?? NaN) - (numeric(type, b) ?? NaN);
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const any = (test: (v: string) => boolean) => values.some(test);
  const { value = "", highValue = "", values: list = [] } = filter;
  switch (filter.operator) {
    case "HAS_PROPERTY":
      return values.length > 0;
    case "NOT_HAS_PROPERTY":
      return values.length === 0;
    case "EQ":
      return any((v) => compare(v, value) === 0);
    case "NEQ":
      return !any((v) => compare(v, value) === 0);
    case "IN":
      return any((v) => list.some((w) => compare(v, w) === 0));
    case "NOT_IN":
      return !any((v) => list.some((w) => compare(v, w) === 0));
    case "LT":
      return any((v) => compare(v, value) < 0);
    case "LTE":
      return any((v) => compare(v, value) <= 0);
    case "GT":
      return any((v) => compare(v, value) > 0);
    case "GTE":
      return any((v) => compare(v, value) >= 0);
    case "BETWEEN":
      return any((v) => compare(v, value) >= 0 && compare(v, highValue) <= 0);
    case "CONTAINS_TOKEN":
      return any((v) => containsTokens(v, value));
    case "NOT_CONTAINS_TOKEN":
      return !any((v) => containsTokens(v, value));
  }
}

/**
 * Every term of the filter value must match a word of the property; "*" is a wildcard. A word
 * also matches by its parts, so "node-red" finds "@node-red-contrib-themes/theme-collection".
 */
function containsTokens(text: string, pattern: string): boolean {
  const candidates = words(text);
  const terms = pattern
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._*-]+/u)
    .map(trimPunctuation)
    .filter(Boolean);
  return terms.every((term) => {
    const re = new RegExp(`^${term.split("*").map(escapeRegExp).join(".*")}$`);
    return candidates.some((w) => re.test(w));
  });
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._-]+/u)
    .flatMap((w) => [w, trimPunctuation(w), ...w.split(/[@._-]+/)])
    .filter(Boolean);
}

function trimPunctuation(word: string): string {
  return word.replace(/^[@._-]+|[@._-]+$/g, "");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The free-text `query`: every word must occur in one of the object's text properties. */
export function matchesQuery(query: string, valueOf: ValueOf, schema: ObjectSchema): boolean {
  const haystack = schema.textProperties
    .map((name) => valueOf(name))
    .flat()
    .filter((v): v is string => typeof v === "string")
    .join(" ")
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}
