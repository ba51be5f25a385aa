import { badRequest } from "./errors";

// The CRM object types the simulator serves, and the properties each one knows. HubSpot rejects
// writes to unknown or read-only properties and silently drops unknown names from reads; the
// definitions here drive both behaviours and the search filters' comparisons.

export type ObjectType = "tickets" | "contacts" | "companies" | "notes";

const ALIASES: Record<string, ObjectType> = {
  tickets: "tickets",
  ticket: "tickets",
  "0-5": "tickets",
  contacts: "contacts",
  contact: "contacts",
  "0-1": "contacts",
  companies: "companies",
  company: "companies",
  "0-2": "companies",
  notes: "notes",
  note: "notes",
  "0-46": "notes",
};

export function objectType(name: string): ObjectType {
  const type = ALIASES[name.toLowerCase()];
  if (!type) throw badRequest(`Unable to infer object type from: ${name}`);
  return type;
}

/** HubSpot's singular names, used in association labels such as "ticket_to_contact". */
export const SINGULAR: Record<ObjectType, string> = {
  tickets: "ticket",
  contacts: "contact",
  companies: "company",
  notes: "note",
};

export type PropertyType = "string" | "number" | "datetime" | "enumeration";

export interface PropertyDef {
  type: PropertyType;
  options?: readonly string[];
  /** Calculated by HubSpot; an API write gets READ_ONLY_VALUE. */
  readOnly?: boolean;
  maxLength?: number;
}

const str: PropertyDef = { type: "string" };
const num: PropertyDef = { type: "number" };
const date: PropertyDef = { type: "datetime" };
const readOnlyDate: PropertyDef = { type: "datetime", readOnly: true };
const idProp: PropertyDef = { type: "number", readOnly: true };

const PRIORITIES = ["LOW", "MEDIUM", "HIGH", "URGENT"] as const;
const CATEGORIES = ["PRODUCT_ISSUE", "BILLING_ISSUE", "FEATURE_REQUEST", "GENERAL_INQUIRY"] as const;
const SOURCE_TYPES = ["CHAT", "EMAIL", "FORM", "PHONE"] as const;
const SUPPORT_TIERS = ["managed", "enterprise", "community"] as const;

export interface ObjectSchema {
  properties: Record<string, PropertyDef>;
  /** Returned when the caller names no properties. */
  defaults: readonly string[];
  /** Always returned, named or not. */
  always: readonly string[];
  createdProperty: string;
  modifiedProperty: string;
  /** Searched by the free-text `query` of the search API. */
  textProperties: readonly string[];
}

export const SCHEMAS: Record<ObjectType, ObjectSchema> = {
  tickets: {
    properties: {
      subject: str,
      content: { type: "string", maxLength: 65_536 },
      hs_pipeline: { type: "enumeration" },
      hs_pipeline_stage: { type: "enumeration" },
      hs_ticket_priority: { type: "enumeration", options: PRIORITIES },
      hs_ticket_category: { type: "enumeration", options: CATEGORIES },
      source_type: { type: "enumeration", options: SOURCE_TYPES },
      hs_object_source: { type: "string", readOnly: true },
      createdate: date,
      hs_lastmodifieddate: readOnlyDate,
      closed_date: date,
      hubspot_owner_id: { type: "enumeration" },
      hubspot_owner_assigneddate: readOnlyDate,
      hs_conversations_originating_thread_id: { type: "string", readOnly: true },
      hs_first_agent_message_sent_at: readOnlyDate,
      hs_last_message_received_at: readOnlyDate,
      hs_last_message_sent_at: readOnlyDate,
      notes_last_updated: readOnlyDate,
      hs_time_to_first_response_sla_at: readOnlyDate,
      hs_time_to_first_response_sla_status: { type: "enumeration", options: ["0", "1", "2", "3", "4"], readOnly: true },
      hs_object_id: idProp,
    },
    defaults: [
      "content",
      "createdate",
      "hs_lastmodifieddate",
      "hs_object_id",
      "hs_pipeline",
      "hs_pipeline_stage",
      "hs_ticket_category",
      "hs_ticket_priority",
      "subject",
    ],
    always: ["createdate", "hs_lastmodifieddate", "hs_object_id"],
    createdProperty: "createdate",
    modifiedProperty: "hs_lastmodifieddate",
    textProperties: ["subject", "content"],
  },
  contacts: {
    properties: {
      email: str,
      firstname: str,
      lastname: str,
      company: str,
      jobtitle: str,
      createdate: date,
      lastmodifieddate: readOnlyDate,
      hs_object_id: idProp,
    },
    defaults: ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"],
    always: ["createdate", "lastmodifieddate", "hs_object_id"],
    createdProperty: "createdate",
    modifiedProperty: "lastmodifieddate",
    textProperties: ["email", "firstname", "lastname"],
  },
  companies: {
    properties: {
      name: str,
      domain: str,
      support_tier: { type: "enumeration", options: SUPPORT_TIERS },
      industry: str,
      country: str,
      numberofemployees: num,
      createdate: date,
      hs_lastmodifieddate: readOnlyDate,
      hs_object_id: idProp,
    },
    defaults: ["createdate", "domain", "hs_lastmodifieddate", "hs_object_id", "name"],
    always: ["createdate", "hs_lastmodifieddate", "hs_object_id"],
    createdProperty: "createdate",
    modifiedProperty: "hs_lastmodifieddate",
    textProperties: ["name", "domain"],
  },
  notes: {
    properties: {
      hs_timestamp: date,
      hs_note_body: { type: "string", maxLength: 65_536 },
      hubspot_owner_id: { type: "enumeration" },
      hs_attachment_ids: str,
      hs_createdate: readOnlyDate,
      hs_lastmodifieddate: readOnlyDate,
      hs_object_id: idProp,
    },
    defaults: ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
    always: ["hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
    createdProperty: "hs_createdate",
    modifiedProperty: "hs_lastmodifieddate",
    textProperties: ["hs_note_body"],
  },
};

/**
 * HubSpot accepts datetimes as epoch milliseconds or ISO 8601 and answers in ISO 8601.
 * Returns undefined for anything else.
 */
export function parseDateValue(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * ISO 8601 in UTC with milliseconds, like Date#toISOString but several times faster: generated
 * records carry a dozen timestamps and a scan of a large data set formats millions of them.
 * Days to civil date after Howard Hinnant's algorithm.
 */
export function iso(ms: number): string {
  if (!Number.isFinite(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(ms).toISOString();
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}Z`;
}

function pad(n: number, width: number): string {
  const text = String(n);
  return text.length >= width ? text : "000".slice(0, width - text.length) + text;
}
