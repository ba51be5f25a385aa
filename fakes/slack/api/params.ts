import { missingArgument, SlackApiError } from "../errors";

// A Web API call's arguments. The official client posts them form-encoded, with objects and
// arrays (blocks, view, metadata) as JSON strings; Slack also takes JSON bodies (objects as they
// are) and query parameters. All three are read the same way here.

export type Encoding = "form" | "json" | "query";

export class Params {
  private constructor(
    private readonly values: Record<string, unknown>,
    readonly encoding: Encoding,
  ) {}

  static parse(contentType: string | undefined, raw: string, query: URLSearchParams): Params {
    const values: Record<string, unknown> = Object.fromEntries(query);
    let encoding: Encoding = "query";
    const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
    if (type === "application/json" && raw.trim() !== "") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new SlackApiError("invalid_json");
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new SlackApiError("json_not_object");
      Object.assign(values, parsed);
      encoding = "json";
    } else if (raw.trim() !== "" || type === "application/x-www-form-urlencoded") {
      // Slack reads any other body as a form (curl's default content type included).
      Object.assign(values, Object.fromEntries(new URLSearchParams(raw)));
      encoding = "form";
    }
    return new Params(values, encoding);
  }

  has(name: string): boolean {
    const v = this.values[name];
    return v !== undefined && v !== null && v !== "";
  }

  string(name: string): string | undefined {
    const v = this.values[name];
    if (v === undefined || v === null || v === "") return undefined;
    return typeof v === "string" ? v : String(v);
  }

  required(name: string): string {
    const v = this.string(name);
    if (v === undefined) throw missingArgument(name);
    return v;
  }

  bool(name: string, fallback = false): boolean {
    const v = this.values[name];
    if (v === undefined || v === null || v === "") return fallback;
    return v === true || v === 1 || v === "true" || v === "1";
  }

  int(name: string, fallback: number, max: number): number {
    const v = this.string(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new SlackApiError("invalid_limit", `${name} must be a positive integer`);
    return Math.min(n, max);
  }

  /** An object or array argument: given as a JSON string (form) or as itself (JSON body). */
  json(name: string, errorCode: string): unknown {
    const v = this.values[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      throw new SlackApiError(errorCode, `${name} is not valid JSON`);
    }
  }

  /** The arguments as the call log shows them: JSON arguments decoded, the token left out. */
  forLog(jsonArgs: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.values)) {
      if (k === "token") continue;
      if (jsonArgs.includes(k) && typeof v === "string") {
        try {
          out[k] = JSON.parse(v) as unknown;
          continue;
        } catch {
          // Not JSON: the handler has reported it; log the raw string.
        }
      }
      out[k] = v;
    }
    return out;
  }
}
