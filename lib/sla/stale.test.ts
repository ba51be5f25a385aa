import { describe, expect, it } from "vitest";
import { isStale, staleFrom, stalePeriodKey, type StaleCandidate } from "@/lib/sla/stale";

const ticket: StaleCandidate = { id: "501", open: true, customerCreated: true, lastUpdatedAt: new Date("2026-06-12T15:00Z") };

describe("stale tickets", () => {
  it("are open customer tickets not updated for more than 24 hours, weekends included", () => {
    expect(isStale(ticket, new Date("2026-06-13T15:00Z"))).toBe(false);
    expect(isStale(ticket, new Date("2026-06-13T15:00:00.001Z"))).toBe(true);
    expect(staleFrom(ticket)).toEqual(new Date("2026-06-13T15:00Z"));
  });

  it("leave out closed tickets and tickets the team created", () => {
    const now = new Date("2026-06-20T00:00Z");
    expect(isStale({ ...ticket, open: false }, now)).toBe(false);
    expect(isStale({ ...ticket, customerCreated: false }, now)).toBe(false);
  });

  it("take another threshold", () => {
    expect(isStale(ticket, new Date("2026-06-12T17:00Z"), 60 * 60 * 1000)).toBe(true);
  });

  it("have one key per stale period: the same on every poll, new after an update", () => {
    expect(stalePeriodKey(ticket)).toBe("501:2026-06-12T15:00:00.000Z");
    expect(stalePeriodKey({ ...ticket })).toBe(stalePeriodKey(ticket));
    expect(stalePeriodKey({ ...ticket, lastUpdatedAt: new Date("2026-06-14T09:00Z") })).not.toBe(stalePeriodKey(ticket));
  });
});
