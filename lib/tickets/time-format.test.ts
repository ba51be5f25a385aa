import { describe, expect, it } from "vitest";
import { formatShort, validTimeZone } from "./time-format";

describe("time formats", () => {
  it("shows an instant in the viewer's zone", () => {
    const instant = new Date("2026-07-01T09:05:00Z");
    expect(formatShort(instant, "Europe/London")).toBe("Wed 1 Jul, 10:05");
    expect(formatShort(instant, "America/New_York")).toBe("Wed 1 Jul, 05:05");
  });

  it("falls back to London for an unknown zone", () => {
    expect(validTimeZone("Mars/Olympus_Mons")).toBe("Europe/London");
    expect(validTimeZone("Asia/Tokyo")).toBe("Asia/Tokyo");
  });
});
