import { PIPELINES, findStage } from "../data/portal-config";
import { badRequest, invalidProperties, type PropertyProblem } from "../errors";
import { SCHEMAS, iso, parseDateValue, type ObjectType } from "../properties";

// Checks a write's property values the way HubSpot does, and normalises them: datetimes become
// ISO 8601, numbers and booleans become strings, null or "" clears a property.

export type PropertyChanges = Record<string, string | null>;

export interface WriteRules {
  /** API writes may not touch read-only properties; the control API (HubSpot itself) may. */
  strict: boolean;
  /** The record's current properties when updating. */
  current?: Record<string, string>;
  ownerExists(id: string): boolean;
}

export function validateProperties(type: ObjectType, input: unknown, rules: WriteRules): PropertyChanges {
  if (input === undefined) return {};
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw badRequest("properties must be an object");
  const schema = SCHEMAS[type];
  const problems: PropertyProblem[] = [];
  const out: PropertyChanges = {};
  for (const [name, raw] of Object.entries(input)) {
    const def = schema.properties[name];
    if (!def) {
      problems.push({ name, error: "PROPERTY_DOESNT_EXIST", message: `Property "${name}" does not exist` });
      continue;
    }
    if (rules.strict && def.readOnly) {
      problems.push({ name, error: "READ_ONLY_VALUE", message: `"${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    if (raw === null || raw === "") {
      out[name] = null;
      continue;
    }
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      problems.push({ name, error: "INVALID_OPTION", message: `${JSON.stringify(raw)} is not a valid value for ${name}` });
      continue;
    }
    let value = String(raw);
    if (def.type === "datetime") {
      const ms = parseDateValue(value);
      if (ms === undefined) {
        problems.push({ name, error: "INVALID_DATE", message: `"${value}" is not a valid datetime for ${name}` });
        continue;
      }
      value = iso(ms);
    } else if (def.type === "number" && !Number.isFinite(Number(value))) {
      problems.push({ name, error: "INVALID_INTEGER", message: `"${value}" is not a valid number for ${name}` });
      continue;
    } else if (def.options && !def.options.includes(value)) {
      problems.push({ name, error: "INVALID_OPTION", message: `${value} was not one of the allowed options: [${def.options.join(", ")}]` });
      continue;
    }
    if (def.maxLength !== undefined && value.length > def.maxLength) {
      problems.push({ name, error: "TOO_LONG", message: `${name} is ${value.length} characters long; the maximum is ${def.maxLength}` });
      continue;
    }
    out[name] = value;
  }

  const owner = out.hubspot_owner_id;
  if (owner && !rules.ownerExists(owner)) {
    problems.push({ name: "hubspot_owner_id", error: "INVALID_OPTION", message: `${owner} was not one of the allowed options: it is not an owner` });
  }
  if (type === "tickets") problems.push(...pipelineProblems(out, rules.current));
  if (problems.length > 0) throw invalidProperties(problems);
  return out;
}

/** A stage must belong to the ticket's (possibly new) pipeline. */
function pipelineProblems(out: PropertyChanges, current: Record<string, string> | undefined): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  const pipelineId = out.hs_pipeline ?? current?.hs_pipeline ?? PIPELINES[0]!.id;
  if (out.hs_pipeline !== undefined && !PIPELINES.some((p) => p.id === out.hs_pipeline)) {
    problems.push({ name: "hs_pipeline", error: "INVALID_OPTION", message: `${String(out.hs_pipeline)} was not one of the allowed options: [${PIPELINES.map((p) => p.id).join(", ")}]` });
    return problems;
  }
  const stage = out.hs_pipeline_stage !== undefined ? out.hs_pipeline_stage : current?.hs_pipeline_stage;
  const stageWasGiven = out.hs_pipeline_stage !== undefined || out.hs_pipeline !== undefined;
  if (stageWasGiven && (stage === null || stage === undefined || !findStage(pipelineId, stage))) {
    const allowed = PIPELINES.find((p) => p.id === pipelineId)!.stages.map((s) => s.id);
    problems.push({ name: "hs_pipeline_stage", error: "INVALID_OPTION", message: `${String(stage)} was not one of the allowed options: [${allowed.join(", ")}]` });
  }
  return problems;
}
