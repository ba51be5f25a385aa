import { expect, it } from "vitest";
import { measureDuePerSecond } from "@/scripts/bench/sla-clock";

it("measures due-time computations per second", () => {
  const perSecond = measureDuePerSecond({ samples: 1_000, durationMs: 20 });
  expect(Number.isInteger(perSecond)).toBe(true);
  expect(perSecond).toBeGreaterThan(0);
});
