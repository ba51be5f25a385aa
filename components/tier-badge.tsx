import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Tier } from "@/lib/tiers/tier";

export const TIER_SHORT_LABELS: Record<Tier, string> = {
  MANAGED: "Managed",
  ENTERPRISE: "Enterprise",
  COMMUNITY: "Community",
  UNKNOWN: "Unknown",
};

const TONES: Record<Tier, BadgeTone> = { MANAGED: "info", ENTERPRISE: "good", COMMUNITY: "neutral", UNKNOWN: "warn" };

/** A ticket's tier; "Pending" before the worker has derived it. */
export function TierBadge({ tier }: { tier: Tier | null }) {
  if (!tier) return <Badge>Pending</Badge>;
  return <Badge tone={TONES[tier]}>{TIER_SHORT_LABELS[tier]}</Badge>;
}
