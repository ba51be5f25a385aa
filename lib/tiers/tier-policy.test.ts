import { describe, expect, it } from "vitest";
import { FLOWFORGE_CALENDAR } from "@/lib/sla/business-calendar";
import { COMMUNITY_ISSUES_URL, tierPolicy } from "@/lib/tiers/tier-policy";

describe("tierPolicy", () => {
  it("Managed: the standard SLA, reply in the ticket", () => {
    expect(tierPolicy("MANAGED")).toEqual({
      tier: "MANAGED",
      treatAs: "MANAGED",
      slaApplies: true,
      targetMinutes: 240,
      calendar: FLOWFORGE_CALENDAR,
      recommendedAction: { code: "REPLY_IN_TICKET", text: expect.stringContaining("documentation") },
    });
  });

  it("Community: no SLA, redirect to a GitHub issue in flowforge/flowforge", () => {
    const policy = tierPolicy("COMMUNITY");
    expect(policy).toMatchObject({ slaApplies: false, targetMinutes: null, recommendedAction: { code: "REDIRECT_TO_GITHUB", url: COMMUNITY_ISSUES_URL } });
    expect(policy.calendar).toBeUndefined();
    expect(COMMUNITY_ISSUES_URL).toBe("https://github.com/flowforge/flowforge/issues");
  });

  it("Enterprise: the account's target, calendar and notes, else the standard SLA", () => {
    const calendar = { ...FLOWFORGE_CALENDAR, open: "08:00", close: "18:00" };
    expect(tierPolicy("ENTERPRISE", { targetMinutes: 60, calendar, notes: " Call Sam on +44 20 0000 0000 first " })).toMatchObject({
      slaApplies: true,
      targetMinutes: 60,
      calendar,
      recommendedAction: { code: "FOLLOW_ARRANGEMENT", text: "Follow the account's arrangement: Call Sam on +44 20 0000 0000 first" },
    });
    expect(tierPolicy("ENTERPRISE")).toMatchObject({
      targetMinutes: 240,
      calendar: FLOWFORGE_CALENDAR,
      recommendedAction: { code: "FOLLOW_ARRANGEMENT", text: expect.stringContaining("No arrangement is recorded") },
    });
  });

  it("Unknown: handled as Managed, SLA included, until a person decides", () => {
    expect(tierPolicy("UNKNOWN")).toMatchObject({ treatAs: "MANAGED", slaApplies: true, targetMinutes: 240, recommendedAction: { code: "DECIDE_TIER" } });
  });
});
