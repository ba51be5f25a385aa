import { describe, expect, it } from "vitest";
import { describeRule } from "@/lib/tiers/describe-rule";

const context = { companyTierProperty: "support_tier" };

describe("describeRule", () => {
  it("says what each kind of rule matches", () => {
    expect(describeRule({ id: "1", kind: "CONTACT", contact: "jo@acme.com", tier: "MANAGED", order: 0 }, context)).toBe("Contact jo@acme.com");
    expect(describeRule({ id: "1", kind: "CONTACT", contact: "1234", tier: "MANAGED", order: 0 }, context)).toBe("Contact 1234 (HubSpot id)");
    expect(describeRule({ id: "1", kind: "COMPANY", companyId: "501", tier: "MANAGED", order: 0 }, { ...context, companyName: "Acme" })).toBe("Company Acme (501)");
    expect(describeRule({ id: "1", kind: "COMPANY", companyId: "501", tier: "MANAGED", order: 0 }, context)).toBe("Company 501");
    expect(describeRule({ id: "1", kind: "COMPANY_PROPERTY", values: ["community", "self-managed", "ce"], tier: "COMMUNITY", order: 0 }, context)).toBe(
      "Company property support_tier is “community”, “self-managed” or “ce”",
    );
    expect(describeRule({ id: "1", kind: "EMAIL_DOMAIN", domain: "acme.com", includeSubdomains: true, tier: "MANAGED", order: 0 }, context)).toBe(
      "Email domain acme.com and its subdomains",
    );
  });
});
