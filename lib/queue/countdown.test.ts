import { describe, expect, it } from "vitest";
import { formatBusinessTime, timerAt, type TimerInput } from "@/lib/queue/countdown";

const T0 = Date.parse("2026-03-16T13:00:00Z");
const MIN = 60_000;

const running: TimerInput = {
  state: "running",
  businessMinutesLeft: 62,
  renderedAt: T0,
  phase: { open: true, until: Date.parse("2026-03-16T17:00:00Z") },
  dueSoonMinutes: 60,
  targetMinutes: 240,
};

describe("timerAt", () => {
  it("renders the server's text at the render time, then ticks with the wall clock", () => {
    expect(timerAt(running, T0)).toEqual({ state: "running", text: "1 h 02 min left", stale: false });
    expect(timerAt(running, T0 + 90_500)).toEqual({ state: "running", text: "1 h 00 min left", stale: false });
    // At 60 minutes left it turns due soon, then breached when nothing is left.
    expect(timerAt(running, T0 + 2 * MIN + 1000)).toEqual({ state: "due_soon", text: "59 min 59 s left", stale: false });
    expect(timerAt(running, T0 + 62 * MIN + 5000)).toEqual({ state: "breached", text: "0 min 05 s over", stale: false });
  });

  it("stops at closing time and asks for a refresh; a paused timer does not move", () => {
    const late: TimerInput = { ...running, businessMinutesLeft: 200, phase: { open: true, until: T0 + 10 * MIN } };
    expect(timerAt(late, T0 + 30 * MIN)).toEqual({ state: "paused", text: "3 h 10 min left", stale: true });
    const paused: TimerInput = { ...running, state: "paused", businessMinutesLeft: 30, phase: { open: false, until: T0 + 60 * MIN } };
    expect(timerAt(paused, T0 + 59 * MIN)).toEqual({ state: "paused", text: "30 min 00 s left", stale: false });
    expect(timerAt(paused, T0 + 60 * MIN).stale).toBe(true);
  });

  it("keeps counting a breach while open, not while closed", () => {
    const breached: TimerInput = { ...running, state: "breached", businessMinutesLeft: -30 };
    expect(timerAt(breached, T0 + 60 * MIN).text).toBe("1 h 30 min over");
    expect(timerAt({ ...breached, phase: { open: false, until: T0 + 600 * MIN } }, T0 + 60 * MIN).text).toBe("30 min 00 s over");
  });

  it("says how a first response went, and nothing without an SLA", () => {
    expect(timerAt({ ...running, state: "met", businessMinutesLeft: 100 }, T0).text).toBe("answered in 2 h 20 min");
    expect(timerAt({ ...running, state: "met_late", businessMinutesLeft: -0.2 }, T0).text).toBe("answered 1 min late");
    // Answered out of hours before any business time passed.
    expect(timerAt({ ...running, state: "met", businessMinutesLeft: 240 }, T0).text).toBe("answered before the clock started");
    expect(timerAt({ ...running, state: "not_applicable", businessMinutesLeft: null, targetMinutes: null }, T0)).toEqual({ state: "not_applicable", text: "", stale: false });
  });
});

describe("formatBusinessTime", () => {
  it("uses hours and minutes, and seconds under an hour", () => {
    expect(formatBusinessTime(245)).toBe("4 h 05 min");
    expect(formatBusinessTime(7441)).toBe("124 h");
    expect(formatBusinessTime(0.5)).toBe("0 min 30 s");
    expect(formatBusinessTime(30, false)).toBe("30 min");
    expect(formatBusinessTime(0, false)).toBe("0 min");
  });
});
