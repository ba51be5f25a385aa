import { describe, expect, it } from "vitest";
import { attainmentByWeek, type AttainmentTicket } from "@/lib/sla/attainment";
import { dayNumber, isoWeek } from "@/lib/sla/civil-date";

type Tier = "MANAGED" | "ENTERPRISE";
const ticket = (createdAt: string, state: AttainmentTicket<Tier>["state"], tier: Tier = "MANAGED"): AttainmentTicket<Tier> => ({
  createdAt: new Date(createdAt),
  state,
  tier,
});

describe("ISO weeks", () => {
  it("start on Monday and belong to the year of their Thursday", () => {
    expect(isoWeek(dayNumber(2026, 12, 31))).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeek(dayNumber(2027, 1, 3))).toMatchObject({ year: 2026, week: 53 });
    expect(isoWeek(dayNumber(2027, 1, 4))).toMatchObject({ year: 2027, week: 1 });
    expect(isoWeek(dayNumber(2024, 12, 30))).toMatchObject({ year: 2025, week: 1 });
  });
});

describe("attainmentByWeek", () => {
  const now = new Date("2026-06-17T12:00+01:00");

  it("gives met % per London ISO week and per tier, oldest week first", () => {
    const weeks = attainmentByWeek(
      [
        ticket("2026-06-08T10:00+01:00", "met"),
        ticket("2026-06-09T10:00+01:00", "met"),
        ticket("2026-06-10T10:00+01:00", "met_late"),
        ticket("2026-06-11T10:00+01:00", "breached", "ENTERPRISE"),
        ticket("2026-06-12T10:00+01:00", "not_applicable"),
        ticket("2026-06-16T10:00+01:00", "met", "ENTERPRISE"),
        ticket("2026-06-17T10:00+01:00", "running"),
      ],
      now,
      3,
    );
    expect(weeks.map((week) => [week.week, week.startsOn])).toEqual([
      ["2026-W23", "2026-06-01"],
      ["2026-W24", "2026-06-08"],
      ["2026-W25", "2026-06-15"],
    ]);
    expect(weeks[0]!.overall).toEqual({ met: 0, missed: 0, pending: 0, percent: null });
    expect(weeks[1]!.overall).toEqual({ met: 2, missed: 2, pending: 0, percent: 50 });
    expect(weeks[1]!.byTier.MANAGED).toMatchObject({ met: 2, missed: 1 });
    expect(weeks[1]!.byTier.ENTERPRISE).toMatchObject({ met: 0, missed: 1, percent: 0 });
    expect(weeks[2]!.overall).toEqual({ met: 1, missed: 0, pending: 1, percent: 100 });
  });

  it("places a ticket in its London week: Sunday 23:30 BST is still the old week", () => {
    const weeks = attainmentByWeek([ticket("2026-06-14T22:30Z", "met"), ticket("2026-06-14T23:30Z", "met_late")], now, 2);
    expect(weeks[0]!.overall).toMatchObject({ met: 1, missed: 0 });
    expect(weeks[1]!.overall).toMatchObject({ met: 0, missed: 1 });
  });

  it("ignores tickets outside the window", () => {
    const weeks = attainmentByWeek([ticket("2026-01-05T10:00Z", "met"), ticket("2026-07-01T10:00Z", "met")], now, 12);
    expect(weeks).toHaveLength(12);
    expect(weeks.every((week) => week.overall.met === 0)).toBe(true);
  });
});
