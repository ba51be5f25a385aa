import type { TierRule } from "@/lib/tiers/rule-schema";

// What a rule says, in the words of the rule editor's list ("when" column).

export function describeRule(rule: TierRule, context: { companyTierProperty: string; companyName?: string | null }): string {
  switch (rule.kind) {
    case "CONTACT":
      return rule.contact.includes("@") ? `Contact ${rule.contact}` : `Contact ${rule.contact} (HubSpot id)`;
    case "COMPANY":
      return context.companyName ? `Company ${context.companyName} (${rule.companyId})` : `Company ${rule.companyId}`;
    case "COMPANY_PROPERTY": {
      const values = rule.values.map((value) => `“${value}”`);
      const list = values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values.at(-1)}` : values[0];
      return `Company property ${context.companyTierProperty} is ${list}`;
    }
    case "EMAIL_DOMAIN":
      return `Email domain ${rule.domain}${rule.includeSubdomains ? " and its subdomains" : ""}`;
  }
}
