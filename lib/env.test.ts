import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const base = {
  DATABASE_URL: "postgres://postgres:postgres@127.0.0.1:5433/support_desk",
  NEXTAUTH_URL: "http://localhost:3000",
  NEXTAUTH_SECRET: "x".repeat(32),
  OIDC_ISSUER: "http://127.0.0.1:3001",
  OIDC_CLIENT_ID: "support-desk",
  OIDC_CLIENT_SECRET: "secret",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("settings", () => {
  it("applies defaults", () => {
    const env = parseEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual(["flowforge.com"]);
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(env.COMPANY_TIER_PROPERTY).toBe("support_tier");
  });

  it("takes the company tier property's internal name, nothing else", () => {
    expect(parseEnv({ ...base, COMPANY_TIER_PROPERTY: " plan_tier " }).COMPANY_TIER_PROPERTY).toBe("plan_tier");
    expect(problems({ ...base, COMPANY_TIER_PROPERTY: "Support Tier" })[0]).toMatch(/^COMPANY_TIER_PROPERTY must be a HubSpot property's internal name/);
  });

  it("parses lists", () => {
    const env = parseEnv({ ...base, ALLOWED_EMAIL_DOMAINS: " FlowForge.com, flowfuse.com ,", ADMIN_EMAILS: "Ada@flowforge.com" });
    expect(env.ALLOWED_EMAIL_DOMAINS).toEqual(["flowforge.com", "flowfuse.com"]);
    expect(env.ADMIN_EMAILS).toEqual(["ada@flowforge.com"]);
  });

  it("names each missing or malformed setting", () => {
    expect(problems({ ...base, DATABASE_URL: undefined })[0]).toMatch(/^DATABASE_URL /);
    expect(problems({ ...base, DATABASE_URL: "mysql://x" })[0]).toMatch(/^DATABASE_URL must be a postgres/);
    expect(problems({ ...base, PORT: "eighty" })[0]).toMatch(/^PORT /);
    expect(problems({ ...base, NEXTAUTH_SECRET: "short" })[0]).toMatch(/^NEXTAUTH_SECRET /);
    expect(problems({ ...base, NEXTAUTH_URL: "not a url" })[0]).toMatch(/^NEXTAUTH_URL /);
    expect(problems({ ...base, ADMIN_EMAILS: "ada" })[0]).toMatch(/^ADMIN_EMAILS/);
    expect(problems({ ...base, ALLOWED_EMAIL_DOMAINS: "not a domain" })[0]).toMatch(/^ALLOWED_EMAIL_DOMAINS/);
    expect(problems({ ...base, OIDC_CLIENT_SECRET: undefined })[0]).toMatch(/^OIDC_CLIENT_SECRET is required/);
  });

  it("requires an identity provider", () => {
    const none = { ...base, OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined };
    expect(problems(none)[0]).toMatch(/^OIDC_ISSUER no identity provider/);
    expect(problems({ ...none, GITHUB_ID: "id", GITHUB_SECRET: "secret" })).toEqual([]);
  });

  it("refuses real HubSpot credentials behind the demo identity provider", () => {
    expect(problems({ ...base, DEMO_IDENTITY_PROVIDER: "true", HUBSPOT_ACCESS_TOKEN: "pat-eu1-123" })[0]).toMatch(
      /^HUBSPOT_ACCESS_TOKEN .*demo identity provider/,
    );
    expect(problems({ ...base, HUBSPOT_ACCESS_TOKEN: "pat-eu1-123" })).toEqual([]);
  });

  it("lets the local HubSpot simulator run behind the demo identity provider, and nothing else", () => {
    const simulator = { ...base, DEMO_IDENTITY_PROVIDER: "true", HUBSPOT_ACCESS_TOKEN: "sim-token", HUBSPOT_SIMULATOR: "true" };
    expect(problems({ ...simulator, HUBSPOT_BASE_URL: "http://127.0.0.1:3002" })).toEqual([]);
    expect(problems({ ...simulator, HUBSPOT_BASE_URL: "http://localhost:3002" })).toEqual([]);
    // The flag cannot smuggle a real account in: it only holds for a simulator on this machine.
    expect(problems(simulator)[0]).toMatch(/^HUBSPOT_SIMULATOR .*not a local simulator/);
    expect(problems({ ...simulator, HUBSPOT_BASE_URL: "https://api.hubapi.com" })[0]).toMatch(/^HUBSPOT_SIMULATOR /);
  });

  it("reads the HubSpot settings", () => {
    const env = parseEnv({ ...base, HUBSPOT_BASE_URL: "http://127.0.0.1:3002/", HUBSPOT_RATE_LIMIT_PER_10S: "190", HUBSPOT_PORTAL_ID: "24681357" });
    expect(env.HUBSPOT_BASE_URL).toBe("http://127.0.0.1:3002");
    expect(env.HUBSPOT_RATE_LIMIT_PER_10S).toBe(190);
    expect(env.HUBSPOT_PORTAL_ID).toBe("24681357");
    expect(parseEnv(base)).toMatchObject({ HUBSPOT_BASE_URL: "https://api.hubapi.com", HUBSPOT_RATE_LIMIT_PER_10S: 100, HUBSPOT_RECONCILE_MINUTES: 1 });
    expect(problems({ ...base, HUBSPOT_RATE_LIMIT_PER_10S: "lots" })[0]).toMatch(/^HUBSPOT_RATE_LIMIT_PER_10S /);
    expect(problems({ ...base, HUBSPOT_BASE_URL: "not a url" })[0]).toMatch(/^HUBSPOT_BASE_URL /);
    expect(problems({ ...base, HUBSPOT_PORTAL_ID: "acme" })[0]).toMatch(/^HUBSPOT_PORTAL_ID /);
  });

  it("reads the Slack settings", () => {
    expect(parseEnv(base)).toMatchObject({ SLACK_CHANNEL: "#support-tickets", SLACK_API_URL: "https://slack.com/api/" });
    expect(parseEnv({ ...base, SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_CHANNEL: "C05SUPTIX1", SLACK_API_URL: "http://127.0.0.1:3003/api" })).toMatchObject({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_CHANNEL: "C05SUPTIX1",
      SLACK_API_URL: "http://127.0.0.1:3003/api/",
    });
    expect(parseEnv({ ...base, SLACK_CHANNEL: "ops-alerts" }).SLACK_CHANNEL).toBe("ops-alerts");
    expect(problems({ ...base, SLACK_CHANNEL: "#Support Tickets" })[0]).toMatch(/^SLACK_CHANNEL /);
    expect(problems({ ...base, SLACK_API_URL: "slack" })[0]).toMatch(/^SLACK_API_URL /);
    expect(problems({ ...base, SLACK_SIMULATOR: "true" })[0]).toMatch(/^SLACK_SIMULATOR .*not a local simulator/);
    expect(problems({ ...base, SLACK_SIMULATOR: "true", SLACK_API_URL: "http://127.0.0.1:3003/api/" })).toEqual([]);
  });
});
