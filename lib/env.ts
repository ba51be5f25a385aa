import { z } from "zod";

/** Comma-separated list, trimmed, lower-cased, empties dropped. */
const csvList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

const domain = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be a domain such as flowforge.com");
const email = z.email();
const optional = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));
const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const schema = z
  .object({
    DATABASE_URL: z
      .string({ error: "is required (npm start sets it to the embedded Postgres when unset)" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    NEXTAUTH_URL: z.url({ error: "must be the app's public URL, e.g. http://localhost:3000" }),
    NEXTAUTH_SECRET: z.string({ error: "is required" }).min(32, "must be at least 32 characters"),
    ALLOWED_EMAIL_DOMAINS: csvList
      .pipe(z.array(domain).min(1, "must name at least one domain"))
      .default(["flowforge.com"]),
    ADMIN_EMAILS: csvList.pipe(z.array(email)),
    OIDC_ISSUER: optional.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optional,
    OIDC_CLIENT_SECRET: optional,
    OIDC_NAME: optional.transform((value) => value ?? "Company sign-in"),
    GITHUB_ID: optional,
    GITHUB_SECRET: optional,
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    /** Set by `npm start` (and the test harness) when it runs the built-in demo identity provider. */
    DEMO_IDENTITY_PROVIDER: bool,
    HUBSPOT_ACCESS_TOKEN: optional,
    /** Signs HubSpot's webhooks (the app's client secret); without it every webhook is refused. */
    HUBSPOT_CLIENT_SECRET: optional,
    HUBSPOT_BASE_URL: optional
      .pipe(z.url({ error: "must be a URL such as https://api.hubapi.com" }).optional())
      .transform((value) => (value ?? "https://api.hubapi.com").replace(/\/+$/, "")),
    /** The private app's burst budget per 10 seconds (100 Free/Starter, 190 Professional/Enterprise, 250 with the pack). */
    HUBSPOT_RATE_LIMIT_PER_10S: z.coerce.number().int().min(10, "must be at least 10").max(1000).default(100),
    /** The HubSpot account id, for links from the dashboard into HubSpot. */
    HUBSPOT_PORTAL_ID: optional.pipe(z.string().regex(/^\d+$/, "must be the numeric HubSpot account id").optional()),
    HUBSPOT_RECONCILE_MINUTES: z.coerce.number().int().min(1).max(60).default(1),
    /** Data older than this (since the last successful sync) is flagged as stale on the dashboard. */
    HUBSPOT_STALE_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    /** Set by `npm start` when it runs the local HubSpot simulator instead of talking to HubSpot. */
    HUBSPOT_SIMULATOR: bool,
    /** The Slack app's bot token (xoxb-…); without it nothing is posted to Slack and Slack's requests are refused. */
    SLACK_BOT_TOKEN: optional,
    /** Signs Slack's events and interactivity requests; without it every one is refused. */
    SLACK_SIGNING_SECRET: optional,
    /** The channel for tickets and alerts: a name (#support-tickets) or an id (C…). The app must be in it. */
    SLACK_CHANNEL: optional
      .pipe(z.string().regex(/^(#?[a-z0-9][a-z0-9_-]{0,79}|[CG][A-Z0-9]{8,})$/, "must be a channel name such as #support-tickets, or a channel id").optional())
      .transform((value) => value ?? "#support-tickets"),
    /** Slack's Web API; the simulator's `<url>/api/` in demos and tests. */
    SLACK_API_URL: optional
      .pipe(z.url({ error: "must be a URL such as https://slack.com/api/" }).optional())
      .transform((value) => `${(value ?? "https://slack.com/api/").replace(/\/+$/, "")}/`),
    /** Set by `npm start` when it runs the local Slack simulator instead of talking to Slack. */
    SLACK_SIMULATOR: bool,
    WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(30).default(10),
    /** The HubSpot company property that holds the support tier; admins can change it later on the Tiers screen. */
    COMPANY_TIER_PROPERTY: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]*$/, "must be a HubSpot property's internal name, such as support_tier")
      .default("support_tier"),
  })
  .superRefine((value, ctx) => {
    const pairs: [string, string | undefined, string, string | undefined][] = [
      ["OIDC_CLIENT_ID", value.OIDC_CLIENT_ID, "OIDC_CLIENT_SECRET", value.OIDC_CLIENT_SECRET],
      ["GITHUB_ID", value.GITHUB_ID, "GITHUB_SECRET", value.GITHUB_SECRET],
      ["GOOGLE_CLIENT_ID", value.GOOGLE_CLIENT_ID, "GOOGLE_CLIENT_SECRET", value.GOOGLE_CLIENT_SECRET],
    ];
    for (const [aName, a, bName, b] of pairs) {
      if (Boolean(a) !== Boolean(b)) {
        ctx.addIssue({ code: "custom", path: [a ? bName : aName], message: `is required together with ${a ? aName : bName}` });
      }
    }
    if (value.OIDC_ISSUER && !value.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "is required when OIDC_ISSUER is set" });
    }
    if (!value.OIDC_ISSUER && value.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "is required when OIDC_CLIENT_ID is set" });
    }
    if (!value.OIDC_ISSUER && !value.GITHUB_ID && !value.GOOGLE_CLIENT_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "no identity provider is configured (set OIDC_*, GITHUB_* or GOOGLE_*; npm start runs a demo one when none is)",
      });
    }
    // Real customer data must never sit behind the demo sign-in, where anyone can pick a user. The
    // simulator's made-up data may, and only while it is really the local simulator.
    if (value.HUBSPOT_SIMULATOR && !isLoopback(value.HUBSPOT_BASE_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["HUBSPOT_SIMULATOR"],
        message: "is set but HUBSPOT_BASE_URL is not a local simulator (http://127.0.0.1:… or http://localhost:…)",
      });
    }
    if (value.SLACK_SIMULATOR && !isLoopback(value.SLACK_API_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIMULATOR"],
        message: "is set but SLACK_API_URL is not a local simulator (http://127.0.0.1:…/api/ or http://localhost:…/api/)",
      });
    }
    if (value.HUBSPOT_ACCESS_TOKEN && value.DEMO_IDENTITY_PROVIDER && !value.HUBSPOT_SIMULATOR) {
      ctx.addIssue({
        code: "custom",
        path: ["HUBSPOT_ACCESS_TOKEN"],
        message: "is set but sign-in is the demo identity provider: configure a real one (OIDC_*, GITHUB_* or GOOGLE_*)",
      });
    }
  });

function isLoopback(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates a set of variables; the names of the failing settings lead every message. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "settings"} ${issue.message}`));
}

let cached: Env | undefined;

/**
 * The app's settings, read once from the process environment and validated. Lazy so that
 * `next build`, which imports route modules without a runtime environment, does not need them.
 */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
