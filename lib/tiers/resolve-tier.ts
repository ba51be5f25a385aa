import { isPublicEmailDomain } from "@/lib/tiers/public-email-domains";
import type { RuleKind, TierRule } from "@/lib/tiers/rule-schema";
import { TIER_LABELS, type Tier } from "@/lib/tiers/tier";

// Precedence runs from the most deliberate and specific statement to the weakest hint: a person
// assigned this contact, then this company; then the CRM's own company property (kept by sales
// and billing); then the email domain, a heuristic. Within a kind, rules apply in their `order`.
// Nothing matching leaves the ticket UNKNOWN, for a person to decide.
const PRECEDENCE: readonly RuleKind[] = ["CONTACT", "COMPANY", "COMPANY_PROPERTY", "EMAIL_DOMAIN"];

export interface TierInput {
  contact?: { id: string; email?: string | null } | null;
  company?: {
    id: string;
    name?: string | null;
    domain?: string | null;
    properties?: Readonly<Record<string, string | null | undefined>>;
  } | null;
}

export interface TierSettings {
  /** The HubSpot company property holding the tier, e.g. "support_tier". */
  companyTierProperty: string;
  /** Mail providers to ignore besides the built-in list (lower case). */
  extraPublicEmailDomains?: readonly string[];
}

export interface TierDecision {
  tier: Tier;
  decidedBy: { ruleId: string | null; kind: RuleKind | "NONE"; description: string };
}

/** "Self Managed", "self-managed" and "SELF_MANAGED" are one value. */
export function normalisePropertyValue(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]+/g, "-");
}

/** A company's domain property as HubSpot users type it ("https://www.Acme.com/") → "acme.com". */
function companyDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/[/?#].*$/, "").replace(/^www\./, "").replace(/\.$/, "");
}

function domainMatches(rule: Extract<TierRule, { kind: "EMAIL_DOMAIN" }>, candidate: string): boolean {
  return candidate === rule.domain || (rule.includeSubdomains && candidate.endsWith(`.${rule.domain}`));
}

/** How the rule applies to this input, described for the ticket page, or null if it does not. */
function match(rule: TierRule, input: TierInput, settings: TierSettings): string | null {
  const { contact, company } = input;
  const tier = TIER_LABELS[rule.tier];
  switch (rule.kind) {
    case "CONTACT": {
      const isEmail = rule.contact.includes("@");
      const hit = isEmail ? contact?.email?.trim().toLowerCase() === rule.contact : contact?.id === rule.contact;
      return hit ? `Contact ${rule.contact} assigned to ${tier}` : null;
    }
    case "COMPANY":
      if (company?.id !== rule.companyId) return null;
      return `Company ${company.name ? `${company.name} (${company.id})` : company.id} assigned to ${tier}`;
    case "COMPANY_PROPERTY": {
      const value = company?.properties?.[settings.companyTierProperty];
      if (!value || !rule.values.some((wanted) => normalisePropertyValue(wanted) === normalisePropertyValue(value))) return null;
      return `Company property ${settings.companyTierProperty} = ${value.trim()}`;
    }
    case "EMAIL_DOMAIN": {
      const extra = settings.extraPublicEmailDomains ?? [];
      const scope = rule.includeSubdomains ? `${rule.domain} and its subdomains` : rule.domain;
      const email = contact?.email?.trim().toLowerCase() ?? "";
      const emailDomain = email.includes("@") ? email.slice(email.lastIndexOf("@") + 1) : "";
      if (emailDomain && !isPublicEmailDomain(emailDomain, extra) && domainMatches(rule, emailDomain)) {
        return `Email domain ${scope} (contact ${email})`;
      }
      const domain = company?.domain ? companyDomain(company.domain) : "";
      if (domain && !isPublicEmailDomain(domain, extra) && domainMatches(rule, domain)) {
        return `Email domain ${scope} (company domain ${domain})`;
      }
      return null;
    }
  }
}

export function resolveTier(input: TierInput, rules: readonly TierRule[], settings: TierSettings): TierDecision {
  const ordered = [...rules].sort(
    (a, b) => PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind) || a.order - b.order || a.id.localeCompare(b.id),
  );
  for (const rule of ordered) {
    const description = match(rule, input, settings);
    if (description !== null) return { tier: rule.tier, decidedBy: { ruleId: rule.id, kind: rule.kind, description } };
  }
  return { tier: "UNKNOWN", decidedBy: { ruleId: null, kind: "NONE", description: "No tier rule matched this contact or company" } };
}
