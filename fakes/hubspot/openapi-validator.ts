import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

// Validates the simulator's answers against HubSpot's own OpenAPI 3.0 specifications (copied
// into ./openapi). It covers the subset of schema keywords those specs use: $ref, type,
// properties, required, additionalProperties, items, enum, oneOf and the date-time / uuid /
// int32 / int64 formats. It is stricter than the specs in one way, to catch typos in the
// simulator: keys a schema does not list are reported, except the few the live API is known
// to send anyway. It is looser in one way, to match the live API: HubSpot's specs never say
// `nullable`, yet HubSpot sends null for unset CRM property values and for optional fields such
// as an unlabeled association's label, so null is accepted there.

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  format?: string;
};

interface Spec {
  paths: Record<string, Record<string, { responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }> }>>;
  components: { schemas: Record<string, Schema>; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
}

/** Fields the live API sends beyond its spec, by schema name. */
const KNOWN_EXTRAS: Record<string, string[]> = { Error: ["status"] };

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class OpenApiValidator {
  private readonly specs: Spec[];

  constructor(directory: string) {
    this.specs = readdirSync(directory)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(join(directory, f), "utf8")) as Spec);
  }

  /** Problems with a response, or [] when it conforms. Throws when the spec has no such operation. */
  validateResponse(method: string, path: string, status: number, body: unknown): string[] {
    const found = this.operation(method.toLowerCase(), path);
    if (!found) throw new Error(`No operation ${method} ${path} in the specs`);
    const { spec, responses } = found;
    let response = responses[String(status)] ?? responses.default;
    if (!response) throw new Error(`The spec has no ${status} response for ${method} ${path}`);
    if (response.$ref) response = spec.components.responses?.[refName(response.$ref)] ?? {};
    const content = response.content ?? {};
    const schema = (content["application/json"] ?? content["*/*"])?.schema;
    if (!schema) return body === undefined || body === "" ? [] : [`${method} ${path} ${status}: the spec defines no body`];
    const errors: string[] = [];
    this.check(spec, schema, body, "$", false, errors, undefined);
    return errors;
  }

  /** The operation whose template matches the path, preferring templates with more literal segments. */
  private operation(method: string, path: string) {
    const parts = path.split("/").filter(Boolean);
    let best: { spec: Spec; responses: NonNullable<Spec["paths"][string][string]["responses"]>; literals: number } | undefined;
    for (const spec of this.specs) {
      for (const [template, operations] of Object.entries(spec.paths)) {
        const segments = template.split("/").filter(Boolean);
        if (segments.length !== parts.length) continue;
        if (!segments.every((seg, i) => seg.startsWith("{") || seg === parts[i])) continue;
        const op = operations[method];
        if (!op?.responses) continue;
        const literals = segments.filter((s) => !s.startsWith("{")).length;
        if (!best || literals > best.literals) best = { spec, responses: op.responses, literals };
      }
    }
    return best;
  }

  private check(spec: Spec, schema: Schema, value: unknown, at: string, nullOk: boolean, errors: string[], name: string | undefined): void {
    if (schema.$ref) {
      const ref = refName(schema.$ref);
      const target = spec.components.schemas[ref];
      if (!target) return void errors.push(`${at}: unresolved $ref ${schema.$ref}`);
      return this.check(spec, target, value, at, nullOk, errors, ref);
    }
    if (value === null) {
      if (!nullOk) errors.push(`${at}: null is not allowed here`);
      return;
    }
    if (schema.oneOf) {
      const outcomes = schema.oneOf.map((option) => {
        const sub: string[] = [];
        this.check(spec, option, value, at, nullOk, sub, undefined);
        return sub;
      });
      const matching = outcomes.filter((sub) => sub.length === 0).length;
      if (matching !== 1) {
        // The closest alternative's problems say most about what is wrong.
        const closest = matching === 0 ? outcomes.reduce((a, b) => (b.length < a.length ? b : a)) : [];
        errors.push(`${at}: matches ${matching} of the oneOf alternatives, expected exactly 1`, ...closest);
      }
      return;
    }
    if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
    switch (schema.type) {
      case "object":
        return this.checkObject(spec, schema, value, at, errors, name);
      case "array":
        if (!Array.isArray(value)) return void errors.push(`${at}: expected an array`);
        if (schema.items) value.forEach((item, i) => this.check(spec, schema.items!, item, `${at}[${i}]`, false, errors, undefined));
        return;
      case "string":
        if (typeof value !== "string") return void errors.push(`${at}: expected a string, got ${JSON.stringify(value)}`);
        if (schema.format === "date-time" && !ISO_DATE_TIME.test(value)) errors.push(`${at}: "${value}" is not a date-time`);
        if (schema.format === "uuid" && !UUID.test(value)) errors.push(`${at}: "${value}" is not a uuid`);
        return;
      case "integer":
        if (!Number.isInteger(value)) errors.push(`${at}: expected an integer, got ${JSON.stringify(value)}`);
        else if (schema.format === "int32" && Math.abs(value as number) > 2 ** 31) errors.push(`${at}: ${String(value)} does not fit int32`);
        return;
      case "number":
        if (typeof value !== "number") errors.push(`${at}: expected a number`);
        return;
      case "boolean":
        if (typeof value !== "boolean") errors.push(`${at}: expected a boolean`);
        return;
      default:
        if (schema.properties) this.checkObject(spec, schema, value, at, errors, name);
    }
  }

  private checkObject(spec: Spec, schema: Schema, value: unknown, at: string, errors: string[], name: string | undefined): void {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return void errors.push(`${at}: expected an object`);
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${at}: missing required "${key}"`);
    const known = schema.properties ?? {};
    for (const [key, v] of Object.entries(record)) {
      const sub = known[key];
      if (sub) this.check(spec, sub, v, `${at}.${key}`, !(schema.required ?? []).includes(key), errors, undefined);
      else if (typeof schema.additionalProperties === "object") this.check(spec, schema.additionalProperties, v, `${at}.${key}`, true, errors, undefined);
      else if (schema.additionalProperties === false || (schema.properties && !(name && KNOWN_EXTRAS[name]?.includes(key)))) {
        errors.push(`${at}: "${key}" is not in the schema${name ? ` ${name}` : ""}`);
      }
    }
  }
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}
