import { describe, expect, it } from "vitest";
import { arrangementCalendar, arrangementInputSchema, describeCalendar } from "@/lib/tiers/arrangement-schema";
import { addBusinessMinutes } from "@/lib/sla/business-hours";

const calendar = { timeZone: "Europe/London", open: "08:00", close: "18:00", workdays: [1, 2, 3, 4, 5], observeHolidays: true };

describe("arrangementInputSchema", () => {
  it("takes notes, contacts, a target and a calendar, each optional", () => {
    expect(arrangementInputSchema.parse({ companyId: " 501 ", notes: " Call Sam first ", contacts: "", targetMinutes: null, calendar: null })).toEqual({
      companyId: "501",
      notes: "Call Sam first",
      contacts: "",
      targetMinutes: null,
      calendar: null,
    });
  });

  it("rejects a closing before the opening, an unknown zone, no working days and tiny targets", () => {
    const problems = (input: object) => {
      const result = arrangementInputSchema.safeParse({ companyId: "1", notes: "", contacts: "", targetMinutes: null, calendar, ...input });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(problems({ calendar: { ...calendar, close: "07:00" } })).toEqual(["Closing time must be after opening time"]);
    expect(problems({ calendar: { ...calendar, timeZone: "Mars/Olympus" } })).toEqual(["Enter an IANA time zone such as Europe/London or America/New_York"]);
    expect(problems({ calendar: { ...calendar, workdays: [] } })).toEqual(["Pick at least one working day"]);
    expect(problems({ targetMinutes: 5 })).toEqual(["At least 15 minutes"]);
    expect(problems({ companyId: "acme" })).toEqual(["Enter a HubSpot company id (digits)"]);
  });
});

describe("arrangementCalendar", () => {
  it("builds a business calendar, with bank holidays and team days off when the account observes them", () => {
    const observed = arrangementCalendar(calendar, ["2026-03-17"])!;
    expect(observed.holidays.has("2026-12-25")).toBe(true);
    expect(observed.holidays.has("2026-03-17")).toBe(true);
    // Monday 16 March 2026 17:30 GMT, 60 business minutes: 30 today, then Wednesday (Tuesday is a day off) at 08:30.
    expect(addBusinessMinutes(new Date("2026-03-16T17:30:00Z"), 60, observed)).toEqual(new Date("2026-03-18T08:30:00Z"));
    expect(arrangementCalendar({ ...calendar, observeHolidays: false })!.holidays.size).toBe(0);
  });

  it("is null without a calendar or with one that no longer parses", () => {
    expect(arrangementCalendar(null)).toBeNull();
    expect(arrangementCalendar({ timeZone: "Europe/London" })).toBeNull();
  });

  it("describes itself for the Tiers screen", () => {
    expect(describeCalendar(calendar)).toBe("Mon–Fri 08:00–18:00 Europe/London");
    expect(describeCalendar({ ...calendar, workdays: [1, 3], observeHolidays: false })).toBe("Mon, Wed 08:00–18:00 Europe/London, no holidays");
  });
});
