import { describe, expect, it } from "vitest";
import { formatAgo, formatCount, formatDuration } from "./format";

describe("formatting", () => {
  const now = new Date("2026-03-02T10:00:00Z");
  it("says how long ago", () => {
    expect(formatAgo(new Date("2026-03-02T09:59:50Z"), now)).toBe("just now");
    expect(formatAgo(new Date("2026-03-02T09:55:00Z"), now)).toBe("5 minutes ago");
    expect(formatAgo(new Date("2026-03-02T07:00:00Z"), now)).toBe("3 hours ago");
    expect(formatAgo(new Date("2026-02-28T10:00:00Z"), now)).toBe("2 days ago");
  });
  it("formats durations and counts", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12.4 s");
    expect(formatDuration(185_000)).toBe("3 min 5 s");
    expect(formatDuration(7_440_000)).toBe("2 h 4 min");
    expect(formatCount(100000)).toBe("100,000");
  });
});
