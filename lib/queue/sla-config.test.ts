import { describe, expect, it } from "vitest";
import { buildSlaConfig, calendarFor, calendarPhases, ruleFromRow, type TierRuleRow } from "@/lib/queue/sla-config";

const row = (overrides: Partial<TierRuleRow>): TierRuleRow => ({
  id: "r",
  kind: "COMPANY",
  tier: "MANAGED",
  position: 0,
  contact: null,
  companyId: null,
  propertyValues: [],
  domain: null,
  includeSubdomains: false,
  ...overrides,
});

describe("ruleFromRow", () => {
  it("maps each kind to lib/tiers' rule, position becoming order", () => {
    expect(ruleFromRow(row({ kind: "COMPANY", companyId: "501", position: 3 }))).toEqual({ id: "r", kind: "COMPANY", companyId: "501", tier: "MANAGED", order: 3 });
    expect(ruleFromRow(row({ kind: "CONTACT", contact: "jo@acme.com" }))).toMatchObject({ kind: "CONTACT", contact: "jo@acme.com" });
    expect(ruleFromRow(row({ kind: "COMPANY_PROPERTY", propertyValues: ["ce"] }))).toMatchObject({ values: ["ce"] });
    expect(ruleFromRow(row({ kind: "EMAIL_DOMAIN", domain: "acme.com", includeSubdomains: true }))).toMatchObject({ domain: "acme.com", includeSubdomains: true });
  });

  it("drops incomplete rows and rules that would assign Unknown", () => {
    expect(ruleFromRow(row({ kind: "COMPANY" }))).toBeNull();
    expect(ruleFromRow(row({ kind: "COMPANY_PROPERTY", propertyValues: [] }))).toBeNull();
    expect(ruleFromRow(row({ companyId: "1", tier: "UNKNOWN" }))).toBeNull();
    expect(ruleFromRow(row({ kind: "SEGMENT", companyId: "1" }))).toBeNull();
  });
});

describe("buildSlaConfig", () => {
  const base = { version: 1, dueSoonMinutes: 60, companyTierProperty: "support_tier", rules: [] };

  it("adds admin days off to FlowForge's calendar and keys each arrangement's own calendar", () => {
    const config = buildSlaConfig({
      ...base,
      holidays: ["2026-12-24"],
      arrangements: [
        { companyId: "7", notes: "", contacts: "", targetMinutes: 60, calendar: { timeZone: "America/New_York", open: "09:00", close: "17:00", workdays: [1, 2, 3, 4, 5], observeHolidays: false } },
        { companyId: "8", notes: "n", contacts: "", targetMinutes: null, calendar: null },
        { companyId: "9", notes: "", contacts: "", targetMinutes: null, calendar: { timeZone: "Not/AZone", open: "09:00", close: "17:00", workdays: [1], observeHolidays: true } },
      ],
    });
    expect(calendarFor(config, "default").holidays.has("2026-12-24")).toBe(true);
    expect(calendarFor(config, "default").holidays.has("2026-12-25")).toBe(true);
    expect(calendarFor(config, "company:7").timeZone).toBe("America/New_York");
    expect(calendarFor(config, "company:7").holidays.size).toBe(0);
    expect(config.arrangements.get("8")?.calendarKey).toBeNull();
    // A calendar that no longer parses falls back to FlowForge's.
    expect(config.arrangements.get("9")?.calendarKey).toBeNull();
    expect(calendarFor(config, "company:404")).toBe(calendarFor(config, "default"));
  });

  it("says whether each calendar is open now and until when", () => {
    const config = buildSlaConfig({ ...base, holidays: [], arrangements: [] });
    // Monday 16 March 2026 10:00 GMT: open until 17:00.
    expect(calendarPhases(config, new Date("2026-03-16T10:00:00Z")).get("default")).toEqual({ open: true, until: new Date("2026-03-16T17:00:00Z") });
    // Friday 17:00 is closed: until Monday 09:00.
    expect(calendarPhases(config, new Date("2026-03-20T17:00:00Z")).get("default")).toEqual({ open: false, until: new Date("2026-03-23T09:00:00Z") });
    // The opening minute is open.
    expect(calendarPhases(config, new Date("2026-03-23T09:00:00Z")).get("default")?.open).toBe(true);
  });
});
