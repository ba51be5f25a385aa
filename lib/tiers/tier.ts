export const TIERS = ["MANAGED", "COMMUNITY", "ENTERPRISE", "UNKNOWN"] as const;
export type Tier = (typeof TIERS)[number];

/** The tiers a rule can assign: UNKNOWN is what remains when no rule matches. */
export const ASSIGNABLE_TIERS = ["MANAGED", "COMMUNITY", "ENTERPRISE"] as const;
export type AssignableTier = (typeof ASSIGNABLE_TIERS)[number];

export const TIER_LABELS: Record<Tier, string> = {
  MANAGED: "Managed (FlowForge Cloud)",
  COMMUNITY: "Community (self-managed Community Edition)",
  ENTERPRISE: "Enterprise",
  UNKNOWN: "Unknown",
};
