import { describe, expect, it } from "vitest";
import { FLOWFORGE_CALENDAR, withExtraHolidays, type BusinessCalendar } from "@/lib/sla/business-calendar";
import { addBusinessMinutes, isWithinBusinessHours, nextOpening } from "@/lib/sla/business-hours";
import { businessMinutesBetween, firstResponseDueAt } from "@/lib/sla/index";

// Instants are written with their London offset: +00:00 in GMT (winter), +01:00 in BST (summer).
const at = (iso: string) => new Date(iso);
const due = (iso: string) => firstResponseDueAt(at(iso)).toISOString();
const iso = (text: string) => at(text).toISOString();

describe("firstResponseDueAt: the handbook's examples", () => {
  it("Friday 15:00 → Monday 11:00", () => {
    expect(due("2026-03-06T15:00+00:00")).toBe(iso("2026-03-09T11:00+00:00"));
  });

  it("Saturday → Monday 13:00", () => {
    expect(due("2026-03-07T10:00+00:00")).toBe(iso("2026-03-09T13:00+00:00"));
    expect(due("2026-03-08T23:59+00:00")).toBe(iso("2026-03-09T13:00+00:00"));
  });

  it("Thursday 2 April 2026 16:30 → Tuesday 7 April 12:30 over Good Friday and Easter Monday", () => {
    expect(due("2026-04-02T16:30+01:00")).toBe(iso("2026-04-07T12:30+01:00"));
  });
});

describe("the opening and closing minute", () => {
  it("created at 09:00 is due at 13:00 the same day", () => {
    expect(due("2026-06-10T09:00+01:00")).toBe(iso("2026-06-10T13:00+01:00"));
  });

  it("created at 16:59 has one minute that day and is due at 12:59 the next", () => {
    expect(due("2026-06-10T16:59+01:00")).toBe(iso("2026-06-11T12:59+01:00"));
  });

  it("created at 17:00 starts at the next opening", () => {
    expect(due("2026-06-10T17:00+01:00")).toBe(iso("2026-06-11T13:00+01:00"));
  });

  it("created before opening starts at 09:00", () => {
    expect(due("2026-06-10T08:59:59.999+01:00")).toBe(iso("2026-06-10T13:00+01:00"));
  });

  it("a due time reached exactly at closing is the closing, not the next opening", () => {
    expect(due("2026-06-10T13:00+01:00")).toBe(iso("2026-06-10T17:00+01:00"));
    expect(due("2026-06-12T13:00+01:00")).toBe(iso("2026-06-12T17:00+01:00"));
  });

  it("09:00 is open and 17:00 is closed", () => {
    expect(isWithinBusinessHours(at("2026-06-10T09:00+01:00"))).toBe(true);
    expect(isWithinBusinessHours(at("2026-06-10T16:59:59.999+01:00"))).toBe(true);
    expect(isWithinBusinessHours(at("2026-06-10T17:00+01:00"))).toBe(false);
    expect(isWithinBusinessHours(at("2026-06-10T08:59:59.999+01:00"))).toBe(false);
  });
});

describe("weekends and bank holidays", () => {
  it("a weekend is closed all day", () => {
    expect(isWithinBusinessHours(at("2026-06-13T12:00+01:00"))).toBe(false);
    expect(nextOpening(at("2026-06-13T12:00+01:00")).toISOString()).toBe(iso("2026-06-15T09:00+01:00"));
  });

  it("a ticket created on a bank holiday starts the next working day", () => {
    expect(due("2026-05-04T10:00+01:00")).toBe(iso("2026-05-05T13:00+01:00"));
    expect(isWithinBusinessHours(at("2026-05-04T10:00+01:00"))).toBe(false);
  });

  it("Christmas 2026: Friday 25 December, Boxing Day on Saturday → substitute Monday 28", () => {
    expect(due("2026-12-24T16:00+00:00")).toBe(iso("2026-12-29T12:00+00:00"));
  });

  it("Christmas 2027: 25 December on Saturday → substitutes Monday 27 and Tuesday 28", () => {
    expect(due("2027-12-24T15:00+00:00")).toBe(iso("2027-12-29T11:00+00:00"));
  });

  it("New Year 2028 on Saturday → substitute Monday 3 January", () => {
    expect(due("2027-12-31T16:00+00:00")).toBe(iso("2028-01-04T12:00+00:00"));
  });

  it("admin-added days off are skipped too", () => {
    const calendar = withExtraHolidays(FLOWFORGE_CALENDAR, ["2026-06-11"]);
    expect(addBusinessMinutes(at("2026-06-10T16:00+01:00"), 240, calendar).toISOString()).toBe(iso("2026-06-12T12:00+01:00"));
    expect(FLOWFORGE_CALENDAR.holidays.has("2026-06-11")).toBe(false);
  });
});

describe("clock changes", () => {
  it("spring forward (Sunday 29 March 2026): Friday 15:00 GMT → Monday 11:00 BST", () => {
    expect(due("2026-03-27T15:00+00:00")).toBe(iso("2026-03-30T11:00+01:00"));
    expect(businessMinutesBetween(at("2026-03-27T15:00+00:00"), at("2026-03-30T11:00+01:00"))).toBe(240);
  });

  it("fall back (Sunday 25 October 2026): Friday 15:00 BST → Monday 11:00 GMT", () => {
    expect(due("2026-10-23T15:00+01:00")).toBe(iso("2026-10-26T11:00+00:00"));
    expect(businessMinutesBetween(at("2026-10-23T15:00+01:00"), at("2026-10-26T11:00+00:00"))).toBe(240);
  });

  it("opens at 09:00 London time on both sides of each change", () => {
    expect(nextOpening(at("2026-03-28T12:00Z")).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(nextOpening(at("2026-03-21T12:00Z")).toISOString()).toBe("2026-03-23T09:00:00.000Z");
    expect(nextOpening(at("2026-10-24T12:00Z")).toISOString()).toBe("2026-10-26T09:00:00.000Z");
    expect(nextOpening(at("2026-10-17T12:00Z")).toISOString()).toBe("2026-10-19T08:00:00.000Z");
  });

  it("created during the transition nights starts on Monday", () => {
    // 01:30 UTC on 29 March is 02:30 BST, just after the clocks went forward.
    expect(due("2026-03-29T01:30Z")).toBe(iso("2026-03-30T13:00+01:00"));
    // 01:30 local happens twice on 25 October: 00:30 UTC (BST) and 01:30 UTC (GMT).
    expect(due("2026-10-25T00:30Z")).toBe(iso("2026-10-26T13:00+00:00"));
    expect(due("2026-10-25T01:30Z")).toBe(iso("2026-10-26T13:00+00:00"));
  });
});

describe("businessMinutesBetween", () => {
  it("counts only business time, to the millisecond", () => {
    expect(businessMinutesBetween(at("2026-06-10T08:00+01:00"), at("2026-06-10T18:00+01:00"))).toBe(480);
    expect(businessMinutesBetween(at("2026-06-10T10:00+01:00"), at("2026-06-10T10:00:30+01:00"))).toBe(0.5);
    expect(businessMinutesBetween(at("2026-06-12T17:00+01:00"), at("2026-06-15T09:00+01:00"))).toBe(0);
  });

  it("is negative when end is before start", () => {
    expect(businessMinutesBetween(at("2026-06-10T12:00+01:00"), at("2026-06-10T10:00+01:00"))).toBe(-120);
  });

  it("spans years without a loop over days", () => {
    // 2025: 261 weekdays less 8 bank holidays, all on weekdays.
    expect(businessMinutesBetween(at("2025-01-01T00:00Z"), at("2026-01-01T00:00Z"))).toBe(253 * 480);
    expect(addBusinessMinutes(at("2025-01-01T00:00Z"), 253 * 480).toISOString()).toBe(iso("2025-12-31T17:00+00:00"));
  });
});

describe("addBusinessMinutes", () => {
  it("adds nothing for zero minutes, even when closed", () => {
    expect(addBusinessMinutes(at("2026-06-13T12:00+01:00"), 0).toISOString()).toBe(iso("2026-06-13T12:00+01:00"));
  });

  it("refuses negative or non-finite minutes", () => {
    expect(() => addBusinessMinutes(at("2026-06-10T12:00+01:00"), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(at("2026-06-10T12:00+01:00"), Number.NaN)).toThrow(RangeError);
  });

  it("reaches beyond the years already tabled", () => {
    expect(addBusinessMinutes(at("2026-06-10T09:00+01:00"), 480 * 1000).getUTCFullYear()).toBe(2030);
  });

  it("refuses an invalid date", () => {
    expect(() => firstResponseDueAt(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("other calendars", () => {
  const newYork: BusinessCalendar = { timeZone: "America/New_York", open: "08:30", close: "18:00", workdays: [1, 2, 3, 4, 5, 6], holidays: new Set(["2026-07-03"]) };

  it("reads hours, workdays and holidays in the calendar's own zone", () => {
    // Thursday 2 July 17:00 EDT: one hour that day, Friday is a holiday, Saturday is worked.
    expect(addBusinessMinutes(at("2026-07-02T17:00-04:00"), 240, newYork).toISOString()).toBe(iso("2026-07-04T11:30-04:00"));
  });

  it("is cached by content, so a calendar rebuilt per request gives the same answers", () => {
    const copy = { ...newYork, holidays: new Set(newYork.holidays) };
    expect(addBusinessMinutes(at("2026-07-02T17:00-04:00"), 240, copy).toISOString()).toBe(iso("2026-07-04T11:30-04:00"));
  });

  it("rejects a calendar that cannot work", () => {
    const broken = (patch: Partial<BusinessCalendar>) => () => addBusinessMinutes(at("2026-07-02T17:00Z"), 1, { ...FLOWFORGE_CALENDAR, ...patch });
    expect(broken({ open: "9am" })).toThrow(/open must be HH:MM/);
    expect(broken({ close: "08:00" })).toThrow(/must be after open/);
    expect(broken({ workdays: [] })).toThrow(/workday/);
    expect(broken({ holidays: new Set(["2026-02-30"]) })).toThrow(/not a YYYY-MM-DD date/);
    expect(broken({ timeZone: "Europe/Atlantis" })).toThrow(RangeError);
  });
});
