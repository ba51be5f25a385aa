import { addBusinessMinutes, isWithinBusinessHours, nextOpening } from "@/lib/sla/business-hours";
import { firstResponse, type ThreadMessage } from "@/lib/sla/first-response";
import { slaStatus } from "@/lib/sla/sla-state";
import { resolveTier, type TierDecision } from "@/lib/tiers/resolve-tier";
import { tierPolicy } from "@/lib/tiers/tier-policy";
import type { Tier } from "@/lib/tiers/tier";
import { calendarFor, DEFAULT_CALENDAR_KEY, type SlaConfig } from "@/lib/queue/sla-config";

// What a ticket's synced data says about its tier and its first-response timer, computed once per
// change and stored, so that the queue can filter and sort on plain columns. The state at a given
// moment (running, paused, due soon, breached) follows from these instants: see sla-filter.ts.

/** Ticket sources that mean the customer raised it (PHONE tickets are logged by the team). */
export const CUSTOMER_SOURCES = ["EMAIL", "CHAT", "FORM"] as const;

export function isCustomerCreated(sourceType: string | null): boolean {
  return sourceType !== null && (CUSTOMER_SOURCES as readonly string[]).includes(sourceType);
}

export interface TicketFacts {
  /** HubSpot's createdate, else when the row was first stored. */
  openedAt: Date;
  archived: boolean;
  /** The stage's ticket state; null when the stage is not (yet) known. */
  stageState: "OPEN" | "CLOSED" | null;
  closedAt: Date | null;
  hubspotFirstAgentMessageAt: Date | null;
  /** The outgoing messages on the ticket's threads. */
  messages: ThreadMessage[];
  contacts: { id: string; email: string | null }[];
  companies: { id: string; primary: boolean; name: string | null; domain: string | null; tierValue: string | null }[];
  /** The contact the ticket's conversation is with, preferred when the ticket names several. */
  conversationContactId: string | null;
}

export interface DerivedTicket {
  tier: Tier;
  tierRuleId: string | null;
  tierDecidedBy: TierDecision["decidedBy"]["kind"];
  tierReason: string;
  customerContactId: string | null;
  customerCompanyId: string | null;
  openedAt: Date;
  isOpen: boolean;
  slaApplies: boolean;
  slaTargetMinutes: number | null;
  slaCalendarKey: string | null;
  firstResponseDueAt: Date | null;
  slaDueSoonAt: Date | null;
  slaBreachAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseSource: "THREAD" | "HUBSPOT_PROPERTY" | null;
  firstResponseOnTime: boolean | null;
  urgencyRank: number;
  urgencyAt: Date;
  derivedVersion: number;
}

export const URGENCY = { AWAITING_SLA: 0, AWAITING_NO_SLA: 1, ANSWERED: 2, NOT_DERIVED: 3 } as const;

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The customer the tier is decided for: the conversation's contact (else the lowest id), the primary company (else the lowest id). */
export function customerOf(facts: Pick<TicketFacts, "contacts" | "companies" | "conversationContactId">) {
  const contacts = [...facts.contacts].sort(byId);
  const contact = contacts.find((candidate) => candidate.id === facts.conversationContactId) ?? contacts[0] ?? null;
  const companies = [...facts.companies].sort(byId);
  const company = companies.find((candidate) => candidate.primary) ?? companies[0] ?? null;
  return { contact, company };
}

export function deriveTicketFields(facts: TicketFacts, config: SlaConfig): DerivedTicket {
  const { contact, company } = customerOf(facts);
  const decision = resolveTier(
    {
      contact: contact ? { id: contact.id, email: contact.email } : null,
      company: company
        ? { id: company.id, name: company.name, domain: company.domain, properties: { [config.companyTierProperty]: company.tierValue } }
        : null,
    },
    config.rules,
    { companyTierProperty: config.companyTierProperty },
  );
  const arrangement = decision.tier === "ENTERPRISE" && company ? (config.arrangements.get(company.id) ?? null) : null;
  const policy = tierPolicy(decision.tier, arrangement);
  const isOpen = !facts.archived && (facts.stageState ? facts.stageState === "OPEN" : facts.closedAt === null);
  const response = firstResponse(facts.messages, facts.hubspotFirstAgentMessageAt);
  const base = {
    tier: decision.tier,
    tierRuleId: decision.decidedBy.ruleId,
    tierDecidedBy: decision.decidedBy.kind,
    tierReason: decision.decidedBy.description,
    customerContactId: contact?.id ?? null,
    customerCompanyId: company?.id ?? null,
    openedAt: facts.openedAt,
    isOpen,
    firstResponseAt: response.at,
    firstResponseSource: response.source === "thread" ? ("THREAD" as const) : response.source === "hubspot_property" ? ("HUBSPOT_PROPERTY" as const) : null,
    derivedVersion: config.version,
  };

  if (!policy.slaApplies || policy.targetMinutes === null) {
    return {
      ...base,
      slaApplies: false,
      slaTargetMinutes: null,
      slaCalendarKey: null,
      firstResponseDueAt: null,
      slaDueSoonAt: null,
      slaBreachAt: null,
      firstResponseOnTime: null,
      urgencyRank: response.at ? URGENCY.ANSWERED : URGENCY.AWAITING_NO_SLA,
      urgencyAt: facts.openedAt,
    };
  }

  const calendarKey = arrangement?.calendarKey ?? DEFAULT_CALENDAR_KEY;
  const calendar = calendarFor(config, calendarKey);
  const target = policy.targetMinutes;
  const dueAt = addBusinessMinutes(facts.openedAt, target, calendar);
  // A due time at closing is not breached until business time passes again, at the next opening.
  const breachAt = isWithinBusinessHours(dueAt, calendar) ? dueAt : nextOpening(dueAt, calendar);
  const onTime = response.at
    ? slaStatus({ createdAt: facts.openedAt, firstResponseAt: response.at, now: response.at, targetMinutes: target, calendar }).state === "met"
    : null;
  return {
    ...base,
    slaApplies: true,
    slaTargetMinutes: target,
    slaCalendarKey: calendarKey,
    firstResponseDueAt: dueAt,
    slaDueSoonAt: addBusinessMinutes(facts.openedAt, Math.max(0, target - config.dueSoonMinutes), calendar),
    slaBreachAt: breachAt,
    firstResponseOnTime: onTime,
    urgencyRank: response.at ? URGENCY.ANSWERED : URGENCY.AWAITING_SLA,
    urgencyAt: response.at ? facts.openedAt : dueAt,
  };
}
