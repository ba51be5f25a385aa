import { describe, expect, it } from "vitest";
import { DEFAULT_TIER_RULES } from "@/lib/tiers/default-rules";
import { resolveTier, type TierInput } from "@/lib/tiers/resolve-tier";
import type { TierRule } from "@/lib/tiers/rule-schema";

const settings = { companyTierProperty: "support_tier" };

const acme: TierInput = {
  contact: { id: "11", email: "Jo@Eng.Acme.com" },
  company: { id: "501", name: "Acme", domain: "acme.com", properties: { support_tier: "Community" } },
};

const rules: TierRule[] = [
  ...DEFAULT_TIER_RULES,
  { id: "domain", kind: "EMAIL_DOMAIN", domain: "acme.com", includeSubdomains: true, tier: "MANAGED", order: 0 },
  { id: "company", kind: "COMPANY", companyId: "501", tier: "MANAGED", order: 0 },
  { id: "contact", kind: "CONTACT", contact: "jo@eng.acme.com", tier: "ENTERPRISE", order: 0 },
];

const without = (...ids: string[]) => rules.filter((rule) => !ids.includes(rule.id));

describe("resolveTier precedence: contact > company > company property > domain > unknown", () => {
  it("an explicit contact assignment wins over everything", () => {
    expect(resolveTier(acme, rules, settings)).toEqual({
      tier: "ENTERPRISE",
      decidedBy: { ruleId: "contact", kind: "CONTACT", description: "Contact jo@eng.acme.com assigned to Enterprise" },
    });
  });

  it("then an explicit company assignment", () => {
    expect(resolveTier(acme, without("contact"), settings).decidedBy).toEqual({
      ruleId: "company",
      kind: "COMPANY",
      description: "Company Acme (501) assigned to Managed (FlowForge Cloud)",
    });
  });

  it("then the company property", () => {
    expect(resolveTier(acme, without("contact", "company"), settings)).toEqual({
      tier: "COMMUNITY",
      decidedBy: { ruleId: "default-property-community", kind: "COMPANY_PROPERTY", description: "Company property support_tier = Community" },
    });
  });

  it("then the email domain", () => {
    const input = { ...acme, company: { ...acme.company!, properties: {} } };
    expect(resolveTier(input, without("contact", "company"), settings).decidedBy).toEqual({
      ruleId: "domain",
      kind: "EMAIL_DOMAIN",
      description: "Email domain acme.com and its subdomains (contact jo@eng.acme.com)",
    });
  });

  it("and UNKNOWN when nothing matches", () => {
    expect(resolveTier({ contact: { id: "12", email: "sam@example.org" } }, rules, settings)).toEqual({
      tier: "UNKNOWN",
      decidedBy: { ruleId: null, kind: "NONE", description: "No tier rule matched this contact or company" },
    });
    expect(resolveTier({}, rules, settings).tier).toBe("UNKNOWN");
  });

  it("orders rules of the same kind by their order, whatever the list order", () => {
    const both: TierRule[] = [
      { id: "later", kind: "EMAIL_DOMAIN", domain: "acme.com", includeSubdomains: true, tier: "COMMUNITY", order: 2 },
      { id: "sooner", kind: "EMAIL_DOMAIN", domain: "eng.acme.com", includeSubdomains: false, tier: "ENTERPRISE", order: 1 },
    ];
    expect(resolveTier({ contact: acme.contact }, both, settings).decidedBy.ruleId).toBe("sooner");
  });
});

describe("matching", () => {
  it("assigns contacts by id as well as by email, emails case-insensitively", () => {
    const byId: TierRule = { id: "c", kind: "CONTACT", contact: "11", tier: "COMMUNITY", order: 0 };
    expect(resolveTier(acme, [byId], settings).tier).toBe("COMMUNITY");
    expect(resolveTier({ contact: { id: "99", email: " JO@eng.acme.COM " } }, rules, settings).tier).toBe("ENTERPRISE");
  });

  it("reads company property values case-insensitively, spaces, hyphens and underscores alike", () => {
    for (const value of ["ENTERPRISE", "enterprise ", "Self Managed", "self_managed", "CE", "Cloud", "FlowForge-Cloud"]) {
      const input = { company: { id: "7", properties: { support_tier: value } } };
      expect(resolveTier(input, DEFAULT_TIER_RULES, settings).tier, value).not.toBe("UNKNOWN");
    }
    expect(resolveTier({ company: { id: "7", properties: { support_tier: "gold" } } }, DEFAULT_TIER_RULES, settings).tier).toBe("UNKNOWN");
  });

  it("reads the property named in the settings", () => {
    const input = { company: { id: "7", properties: { support_tier: "community", plan: "enterprise" } } };
    expect(resolveTier(input, DEFAULT_TIER_RULES, { companyTierProperty: "plan" }).tier).toBe("ENTERPRISE");
  });

  it("matches subdomains only when the rule says so", () => {
    const exact: TierRule = { id: "exact", kind: "EMAIL_DOMAIN", domain: "acme.com", includeSubdomains: false, tier: "MANAGED", order: 0 };
    expect(resolveTier({ contact: { id: "1", email: "jo@eng.acme.com" } }, [exact], settings).tier).toBe("UNKNOWN");
    expect(resolveTier({ contact: { id: "1", email: "jo@acme.com" } }, [exact], settings).tier).toBe("MANAGED");
    expect(resolveTier({ contact: { id: "1", email: "jo@notacme.com" } }, [{ ...exact, includeSubdomains: true }], settings).tier).toBe("UNKNOWN");
  });

  it("falls back to the company's domain, cleaned of scheme, www and path", () => {
    const input = { contact: { id: "1", email: "jo@gmail.com" }, company: { id: "2", domain: "https://www.Acme.com/about" } };
    expect(resolveTier(input, without("contact", "company"), settings).decidedBy.description).toBe(
      "Email domain acme.com and its subdomains (company domain acme.com)",
    );
  });

  it("never lets a public mail domain imply a company, even a rule written for one", () => {
    const gmail: TierRule = { id: "g", kind: "EMAIL_DOMAIN", domain: "gmail.com", includeSubdomains: true, tier: "MANAGED", order: 0 };
    const input = { contact: { id: "1", email: "jo@gmail.com" }, company: { id: "2", domain: "gmail.com" } };
    expect(resolveTier(input, [gmail], settings).tier).toBe("UNKNOWN");
    const mailbox: TierRule = { id: "m", kind: "EMAIL_DOMAIN", domain: "mybox.example", includeSubdomains: false, tier: "MANAGED", order: 0 };
    expect(resolveTier({ contact: { id: "1", email: "jo@mybox.example" } }, [mailbox], { ...settings, extraPublicEmailDomains: ["mybox.example"] }).tier).toBe("UNKNOWN");
  });
});
