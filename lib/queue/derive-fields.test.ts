import { describe, expect, it } from "vitest";
import { deriveTicketFields, isCustomerCreated, URGENCY, type TicketFacts } from "@/lib/queue/derive-fields";
import { buildSlaConfig, type SlaConfigRows, type TierRuleRow } from "@/lib/queue/sla-config";

// London is on GMT (UTC+0) in January and March before the 29th, on BST (UTC+1) in April–October.
const at = (iso: string) => new Date(iso);

const PROPERTY_RULES: TierRuleRow[] = [
  { id: "r-managed", kind: "COMPANY_PROPERTY", tier: "MANAGED", position: 0, contact: null, companyId: null, propertyValues: ["managed"], domain: null, includeSubdomains: false },
  { id: "r-enterprise", kind: "COMPANY_PROPERTY", tier: "ENTERPRISE", position: 1, contact: null, companyId: null, propertyValues: ["enterprise"], domain: null, includeSubdomains: false },
  { id: "r-community", kind: "COMPANY_PROPERTY", tier: "COMMUNITY", position: 2, contact: null, companyId: null, propertyValues: ["community"], domain: null, includeSubdomains: false },
];

function config(overrides: Partial<SlaConfigRows> = {}) {
  return buildSlaConfig({ version: 7, dueSoonMinutes: 60, companyTierProperty: "support_tier", rules: PROPERTY_RULES, arrangements: [], holidays: [], ...overrides });
}

function facts(overrides: Partial<TicketFacts> & { tier?: string | null } = {}): TicketFacts {
  const { tier = "managed", ...rest } = overrides;
  return {
    openedAt: at("2026-03-13T15:00:00Z"), // Friday 15:00 GMT
    archived: false,
    stageState: "OPEN",
    closedAt: null,
    hubspotFirstAgentMessageAt: null,
    messages: [],
    contacts: [{ id: "11", email: "jo@acme.com" }],
    companies: [{ id: "501", primary: true, name: "Acme", domain: "acme.com", tierValue: tier }],
    conversationContactId: null,
    ...rest,
  };
}

describe("deriveTicketFields: tier", () => {
  it("takes the tier from the company property and names the rule", () => {
    const derived = deriveTicketFields(facts({ tier: "Enterprise" }), config());
    expect(derived).toMatchObject({
      tier: "ENTERPRISE",
      tierRuleId: "r-enterprise",
      tierDecidedBy: "COMPANY_PROPERTY",
      tierReason: "Company property support_tier = Enterprise",
      customerCompanyId: "501",
      customerContactId: "11",
      derivedVersion: 7,
    });
  });

  it("decides for the primary company and the conversation's contact", () => {
    const derived = deriveTicketFields(
      facts({
        contacts: [{ id: "11", email: "a@one.com" }, { id: "9", email: "b@two.com" }],
        companies: [
          { id: "400", primary: false, name: "Other", domain: null, tierValue: "community" },
          { id: "501", primary: true, name: "Acme", domain: null, tierValue: "enterprise" },
        ],
        conversationContactId: "11",
      }),
      config(),
    );
    expect(derived).toMatchObject({ tier: "ENTERPRISE", customerCompanyId: "501", customerContactId: "11" });
    // Without a conversation contact, the lowest id.
    expect(deriveTicketFields(facts({ contacts: [{ id: "11", email: null }, { id: "9", email: null }] }), config()).customerContactId).toBe("9");
  });

  it("Unknown carries the standard SLA until someone decides; Community carries none", () => {
    const unknown = deriveTicketFields(facts({ tier: null, companies: [] }), config());
    expect(unknown).toMatchObject({ tier: "UNKNOWN", tierDecidedBy: "NONE", tierRuleId: null, slaApplies: true, slaTargetMinutes: 240 });
    const community = deriveTicketFields(facts({ tier: "community" }), config());
    expect(community).toMatchObject({
      tier: "COMMUNITY",
      slaApplies: false,
      firstResponseDueAt: null,
      slaBreachAt: null,
      urgencyRank: URGENCY.AWAITING_NO_SLA,
    });
  });

  it("reads the property the settings name", () => {
    const derived = deriveTicketFields(facts({ tier: "managed" }), config({ companyTierProperty: "plan" }));
    // The value fetched is the one of the configured property (readFacts does that); here it is "managed".
    expect(derived.tierReason).toBe("Company property plan = managed");
  });
});

describe("deriveTicketFields: the first-response timer", () => {
  it("Friday 15:00 is due Monday 11:00, due soon from 10:00, breached after 11:00", () => {
    const derived = deriveTicketFields(facts(), config());
    expect(derived).toMatchObject({
      slaApplies: true,
      slaCalendarKey: "default",
      firstResponseDueAt: at("2026-03-16T11:00:00Z"),
      slaDueSoonAt: at("2026-03-16T10:00:00Z"),
      slaBreachAt: at("2026-03-16T11:00:00Z"),
      urgencyRank: URGENCY.AWAITING_SLA,
      urgencyAt: at("2026-03-16T11:00:00Z"),
      firstResponseAt: null,
      firstResponseOnTime: null,
    });
  });

  it("a due time at closing is breached only when business time resumes", () => {
    // Monday 13:00 BST → due 17:00 BST (16:00Z); not breached before Tuesday 09:00 BST (08:00Z).
    const derived = deriveTicketFields(facts({ openedAt: at("2026-04-13T12:00:00Z") }), config());
    expect(derived.firstResponseDueAt).toEqual(at("2026-04-13T16:00:00Z"));
    expect(derived.slaBreachAt).toEqual(at("2026-04-14T08:00:00Z"));
  });

  it("the due-soon setting moves the due-soon instant, admin-added days off the due time", () => {
    expect(deriveTicketFields(facts(), config({ dueSoonMinutes: 90 })).slaDueSoonAt).toEqual(at("2026-03-16T09:30:00Z"));
    expect(deriveTicketFields(facts(), config({ dueSoonMinutes: 300 })).slaDueSoonAt).toEqual(at("2026-03-13T15:00:00Z"));
    const holiday = deriveTicketFields(facts(), config({ holidays: ["2026-03-16"] }));
    expect(holiday.firstResponseDueAt).toEqual(at("2026-03-17T11:00:00Z"));
  });

  it("an Enterprise arrangement brings its own target and calendar", () => {
    const derived = deriveTicketFields(
      facts({ tier: "enterprise", openedAt: at("2026-03-16T07:30:00Z") }),
      config({
        arrangements: [
          {
            companyId: "501",
            notes: "Call first",
            contacts: "",
            targetMinutes: 60,
            calendar: { timeZone: "Europe/London", open: "08:00", close: "18:00", workdays: [1, 2, 3, 4, 5], observeHolidays: true },
          },
        ],
      }),
    );
    expect(derived).toMatchObject({ slaTargetMinutes: 60, slaCalendarKey: "company:501", firstResponseDueAt: at("2026-03-16T09:00:00Z") });
    // Without an arrangement: the standard target and calendar.
    expect(deriveTicketFields(facts({ tier: "enterprise" }), config())).toMatchObject({ slaTargetMinutes: 240, slaCalendarKey: "default" });
  });

  it("the first team message on the thread is the response; bots and notes are not; HubSpot's field is the fallback", () => {
    const messages = [
      { direction: "OUTGOING" as const, type: "MESSAGE", createdAt: at("2026-03-16T09:05:00Z"), senderActorId: "B-1" },
      { direction: "OUTGOING" as const, type: "MESSAGE", createdAt: at("2026-03-16T10:30:00Z"), senderActorId: "A-7" },
    ];
    expect(deriveTicketFields(facts({ messages }), config())).toMatchObject({
      firstResponseAt: at("2026-03-16T10:30:00Z"),
      firstResponseSource: "THREAD",
      firstResponseOnTime: true,
      urgencyRank: URGENCY.ANSWERED,
      urgencyAt: at("2026-03-13T15:00:00Z"),
    });
    const late = deriveTicketFields(facts({ hubspotFirstAgentMessageAt: at("2026-03-16T11:00:01Z") }), config());
    expect(late).toMatchObject({ firstResponseSource: "HUBSPOT_PROPERTY", firstResponseOnTime: false });
    // Answered over the weekend: business time had not started, so it is met.
    expect(deriveTicketFields(facts({ hubspotFirstAgentMessageAt: at("2026-03-14T12:00:00Z") }), config()).firstResponseOnTime).toBe(true);
  });

  it("open means not archived and in an open stage (or, without a known stage, not closed)", () => {
    expect(deriveTicketFields(facts(), config()).isOpen).toBe(true);
    expect(deriveTicketFields(facts({ stageState: "CLOSED" }), config()).isOpen).toBe(false);
    expect(deriveTicketFields(facts({ archived: true }), config()).isOpen).toBe(false);
    expect(deriveTicketFields(facts({ stageState: null, closedAt: at("2026-03-14T00:00:00Z") }), config()).isOpen).toBe(false);
    expect(deriveTicketFields(facts({ stageState: null }), config()).isOpen).toBe(true);
  });
});

describe("isCustomerCreated", () => {
  it("email, chat and form tickets come from customers; phone tickets are logged by the team", () => {
    expect(["EMAIL", "CHAT", "FORM"].every(isCustomerCreated)).toBe(true);
    expect(isCustomerCreated("PHONE")).toBe(false);
    expect(isCustomerCreated(null)).toBe(false);
  });
});
