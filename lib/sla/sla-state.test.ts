import { describe, expect, it } from "vitest";
import { slaStatus, type SlaInput } from "@/lib/sla/sla-state";

// Wednesday 10 June 2026 is an ordinary BST working day; Friday 12 June is followed by a weekend.
const at = (iso: string) => new Date(iso);
const status = (input: Partial<SlaInput> & Pick<SlaInput, "createdAt" | "now">) => slaStatus({ firstResponseAt: null, ...input });

describe("unanswered tickets", () => {
  const createdAt = at("2026-06-10T10:00+01:00");

  it("run during business hours with the time left", () => {
    const result = status({ createdAt, now: at("2026-06-10T11:30+01:00") });
    expect(result).toEqual({ state: "running", dueAt: at("2026-06-10T14:00+01:00"), businessMinutesLeft: 150 });
  });

  it("are due soon with an hour or less left, the threshold included", () => {
    expect(status({ createdAt, now: at("2026-06-10T12:59+01:00") }).state).toBe("running");
    expect(status({ createdAt, now: at("2026-06-10T13:00+01:00") })).toMatchObject({ state: "due_soon", businessMinutesLeft: 60 });
    expect(status({ createdAt, now: at("2026-06-10T13:30+01:00"), dueSoonMinutes: 15 }).state).toBe("running");
  });

  it("are due soon, not breached, at the due instant itself", () => {
    expect(status({ createdAt, now: at("2026-06-10T14:00+01:00") })).toMatchObject({ state: "due_soon", businessMinutesLeft: 0 });
  });

  it("are breached once business time passes the due time", () => {
    expect(status({ createdAt, now: at("2026-06-10T14:00:00.001+01:00") }).state).toBe("breached");
    expect(status({ createdAt, now: at("2026-06-10T15:00+01:00") })).toMatchObject({ state: "breached", businessMinutesLeft: -60 });
  });

  it("stay breached outside business hours", () => {
    expect(status({ createdAt, now: at("2026-06-10T20:00+01:00") })).toMatchObject({ state: "breached", businessMinutesLeft: -180 });
  });

  it("take a custom target", () => {
    expect(status({ createdAt, now: at("2026-06-10T11:00+01:00"), targetMinutes: 60 })).toMatchObject({
      state: "due_soon",
      dueAt: at("2026-06-10T11:00+01:00"),
    });
  });
});

describe("paused outside business hours", () => {
  it("shows when the clock stopped and when it resumes", () => {
    const result = status({ createdAt: at("2026-06-12T15:00+01:00"), now: at("2026-06-13T12:00+01:00") });
    expect(result).toEqual({
      state: "paused",
      dueAt: at("2026-06-15T11:00+01:00"),
      businessMinutesLeft: 120,
      resumesAt: at("2026-06-15T09:00+01:00"),
      pausedSince: at("2026-06-12T17:00+01:00"),
    });
  });

  it("is paused from creation when created out of hours", () => {
    const result = status({ createdAt: at("2026-06-13T10:00+01:00"), now: at("2026-06-14T10:00+01:00") });
    expect(result).toMatchObject({ state: "paused", businessMinutesLeft: 240, pausedSince: at("2026-06-13T10:00+01:00"), resumesAt: at("2026-06-15T09:00+01:00") });
  });

  it("is paused, not breached, over a weekend when due exactly at Friday's closing", () => {
    const createdAt = at("2026-06-12T13:00+01:00");
    expect(status({ createdAt, now: at("2026-06-13T12:00+01:00") })).toMatchObject({
      state: "paused",
      dueAt: at("2026-06-12T17:00+01:00"),
      businessMinutesLeft: 0,
      resumesAt: at("2026-06-15T09:00+01:00"),
    });
    expect(status({ createdAt, now: at("2026-06-15T09:00+01:00") }).state).toBe("due_soon");
    expect(status({ createdAt, now: at("2026-06-15T09:00:00.001+01:00") }).state).toBe("breached");
  });

  it("pauses at 17:00 exactly and runs at 09:00 exactly", () => {
    const createdAt = at("2026-06-10T16:00+01:00");
    expect(status({ createdAt, now: at("2026-06-10T17:00+01:00") }).state).toBe("paused");
    expect(status({ createdAt, now: at("2026-06-11T09:00+01:00") })).toMatchObject({ state: "running", businessMinutesLeft: 180 });
  });

  it("pauses over a bank holiday", () => {
    const result = status({ createdAt: at("2026-04-02T16:30+01:00"), now: at("2026-04-06T10:00+01:00") });
    expect(result).toMatchObject({ state: "paused", businessMinutesLeft: 210, resumesAt: at("2026-04-07T09:00+01:00") });
  });
});

describe("answered tickets", () => {
  const createdAt = at("2026-06-10T10:00+01:00");
  const now = at("2026-06-11T12:00+01:00");

  it("are met before the due time, with the margin left", () => {
    expect(status({ createdAt, now, firstResponseAt: at("2026-06-10T11:00+01:00") })).toEqual({
      state: "met",
      dueAt: at("2026-06-10T14:00+01:00"),
      businessMinutesLeft: 180,
    });
  });

  it("are met exactly at the due time", () => {
    expect(status({ createdAt, now, firstResponseAt: at("2026-06-10T14:00+01:00") })).toMatchObject({ state: "met", businessMinutesLeft: 0 });
  });

  it("are met late after it", () => {
    expect(status({ createdAt, now, firstResponseAt: at("2026-06-10T14:00:00.001+01:00") }).state).toBe("met_late");
    expect(status({ createdAt, now, firstResponseAt: at("2026-06-10T16:00+01:00") })).toMatchObject({ state: "met_late", businessMinutesLeft: -120 });
  });

  it("are met when answered over the weekend after a due time at Friday's closing", () => {
    const result = status({ createdAt: at("2026-06-12T13:00+01:00"), now: at("2026-06-15T10:00+01:00"), firstResponseAt: at("2026-06-13T09:00+01:00") });
    expect(result).toMatchObject({ state: "met", businessMinutesLeft: 0 });
  });

  it("count a response sent before the clock started (out-of-hours best effort) as met", () => {
    const result = status({ createdAt: at("2026-06-13T10:00+01:00"), now: at("2026-06-15T10:00+01:00"), firstResponseAt: at("2026-06-13T11:00+01:00") });
    expect(result).toMatchObject({ state: "met", businessMinutesLeft: 240 });
  });

  it("ignore a response dated after now", () => {
    expect(status({ createdAt, now: at("2026-06-10T11:00+01:00"), firstResponseAt: at("2026-06-10T12:00+01:00") }).state).toBe("running");
  });
});

describe("not applicable", () => {
  it("has no due time (Community tier, or out of scope)", () => {
    expect(status({ createdAt: at("2026-06-10T10:00+01:00"), now: at("2026-06-12T10:00+01:00"), applicable: false })).toEqual({
      state: "not_applicable",
      dueAt: null,
      businessMinutesLeft: null,
    });
  });
});

describe("Enterprise calendars", () => {
  it("run on the account's own calendar and target", () => {
    const calendar = { timeZone: "America/New_York", open: "08:00", close: "20:00", workdays: [1, 2, 3, 4, 5, 6, 7], holidays: new Set<string>() };
    const result = status({ createdAt: at("2026-06-13T19:00-04:00"), now: at("2026-06-13T19:30-04:00"), targetMinutes: 90, calendar });
    expect(result).toMatchObject({ state: "due_soon", dueAt: at("2026-06-14T08:30-04:00"), businessMinutesLeft: 60 });
  });
});
