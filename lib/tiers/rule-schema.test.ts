import { describe, expect, it } from "vitest";
import { tierRuleInputSchema } from "@/lib/tiers/rule-schema";

const problems = (input: unknown) => {
  const result = tierRuleInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("tierRuleInputSchema", () => {
  it("cleans a domain as typed and defaults to an exact match", () => {
    expect(tierRuleInputSchema.parse({ kind: "EMAIL_DOMAIN", domain: " @Acme.COM. ", tier: "MANAGED", order: 0 })).toEqual({
      kind: "EMAIL_DOMAIN",
      domain: "acme.com",
      includeSubdomains: false,
      tier: "MANAGED",
      order: 0,
    });
  });

  it("rejects what is not a domain, and public mail domains", () => {
    for (const domain of ["https://acme.com", "acme", "acme..com", "-acme.com", "ac me.com", ""]) {
      expect(problems({ kind: "EMAIL_DOMAIN", domain, tier: "MANAGED", order: 0 }), domain).toEqual([
        "domain: Enter a domain such as acme.com, without @ or https://",
      ]);
    }
    expect(problems({ kind: "EMAIL_DOMAIN", domain: "GMail.com", tier: "MANAGED", order: 0 })).toEqual([
      "domain: A public mail domain says nothing about the customer's company",
    ]);
  });

  it("takes a contact id or an email address, lower-casing emails", () => {
    expect(tierRuleInputSchema.parse({ kind: "CONTACT", contact: "Jo@Acme.com", tier: "ENTERPRISE", order: 0 })).toMatchObject({ contact: "jo@acme.com" });
    expect(tierRuleInputSchema.parse({ kind: "CONTACT", contact: " 1234 ", tier: "ENTERPRISE", order: 0 })).toMatchObject({ contact: "1234" });
    expect(problems({ kind: "CONTACT", contact: "jo", tier: "ENTERPRISE", order: 0 })).toEqual([
      "contact: Enter a HubSpot contact id (digits) or an email address",
    ]);
  });

  it("needs company ids in HubSpot's form and non-empty property values", () => {
    expect(problems({ kind: "COMPANY", companyId: "acme", tier: "MANAGED", order: 0 })).toEqual(["companyId: Enter a HubSpot company id (digits)"]);
    expect(problems({ kind: "COMPANY_PROPERTY", values: [], tier: "MANAGED", order: 0 })).toEqual(["values: Add at least one property value"]);
    expect(problems({ kind: "COMPANY_PROPERTY", values: ["managed", "  "], tier: "MANAGED", order: 0 })).toEqual(["values.1: A value cannot be empty"]);
  });

  it("knows only the rule kinds and assignable tiers", () => {
    expect(problems({ kind: "SEGMENT", tier: "MANAGED", order: 0 })).toHaveLength(1);
    expect(problems({ kind: "COMPANY", companyId: "1", tier: "UNKNOWN", order: 0 })).toHaveLength(1);
    expect(problems({ kind: "COMPANY", companyId: "1", tier: "MANAGED", order: -1 })).toHaveLength(1);
  });
});
