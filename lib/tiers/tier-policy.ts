import { FLOWFORGE_CALENDAR, type BusinessCalendar } from "@/lib/sla/business-calendar";
import { FIRST_RESPONSE_TARGET_MINUTES } from "@/lib/sla/targets";
import type { AssignableTier, Tier } from "@/lib/tiers/tier";

// How the handbook says each customer type is handled, as data the queue and routing screens show.

export const COMMUNITY_ISSUES_URL = "https://github.com/flowforge/flowforge/issues";

/** An Enterprise account's custom arrangement; anything not set falls back to the standard SLA. */
export interface EnterpriseArrangement {
  targetMinutes?: number | null;
  calendar?: BusinessCalendar | null;
  /** Free text agreed with the customer: contacts, channels, promises. */
  notes?: string | null;
}

export type RecommendedActionCode = "REPLY_IN_TICKET" | "REDIRECT_TO_GITHUB" | "FOLLOW_ARRANGEMENT" | "DECIDE_TIER";

export interface TierPolicy {
  tier: Tier;
  /** The tier whose handling applies: UNKNOWN is handled as MANAGED until a person decides. */
  treatAs: AssignableTier;
  slaApplies: boolean;
  /** First-response target in business minutes; null without an SLA. */
  targetMinutes: number | null;
  /** The business calendar the SLA runs on; absent without an SLA. */
  calendar?: BusinessCalendar;
  recommendedAction: { code: RecommendedActionCode; text: string; url?: string };
}

const REPLY_TEXT = "Reply in the ticket, with links to FlowForge documentation or articles.";

export function tierPolicy(tier: Tier, arrangement?: EnterpriseArrangement | null): TierPolicy {
  const standard = { slaApplies: true, targetMinutes: FIRST_RESPONSE_TARGET_MINUTES, calendar: FLOWFORGE_CALENDAR };
  switch (tier) {
    case "MANAGED":
      return { tier, treatAs: "MANAGED", ...standard, recommendedAction: { code: "REPLY_IN_TICKET", text: REPLY_TEXT } };
    case "ENTERPRISE": {
      const notes = arrangement?.notes?.trim();
      return {
        tier,
        treatAs: "ENTERPRISE",
        slaApplies: true,
        targetMinutes: arrangement?.targetMinutes ?? FIRST_RESPONSE_TARGET_MINUTES,
        calendar: arrangement?.calendar ?? FLOWFORGE_CALENDAR,
        recommendedAction: {
          code: "FOLLOW_ARRANGEMENT",
          text: notes
            ? `Follow the account's arrangement: ${notes}`
            : "No arrangement is recorded for this account yet: reply in the ticket under the standard SLA.",
        },
      };
    }
    case "COMMUNITY":
      return {
        tier,
        treatAs: "COMMUNITY",
        slaApplies: false,
        targetMinutes: null,
        recommendedAction: {
          code: "REDIRECT_TO_GITHUB",
          text: "Community Edition is supported through GitHub: ask them to raise an issue in flowforge/flowforge, then close the ticket.",
          url: COMMUNITY_ISSUES_URL,
        },
      };
    case "UNKNOWN":
      return {
        tier,
        treatAs: "MANAGED",
        ...standard,
        recommendedAction: { code: "DECIDE_TIER", text: "Decide this customer's tier; until then the ticket is handled as Managed, SLA included." },
      };
  }
}
