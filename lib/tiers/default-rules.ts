import type { TierRule } from "@/lib/tiers/rule-schema";

/**
 * The rules a new installation starts with: the values the company tier property is expected to
 * hold. Admins add domains and explicit assignments in the rule editor.
 */
export const DEFAULT_TIER_RULES: readonly TierRule[] = [
  { id: "default-property-managed", kind: "COMPANY_PROPERTY", values: ["managed", "cloud", "flowforge cloud"], tier: "MANAGED", order: 0 },
  { id: "default-property-enterprise", kind: "COMPANY_PROPERTY", values: ["enterprise"], tier: "ENTERPRISE", order: 1 },
  { id: "default-property-community", kind: "COMPANY_PROPERTY", values: ["community", "self-managed", "ce"], tier: "COMMUNITY", order: 2 },
];
