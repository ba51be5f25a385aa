// Due-time computations per second on FlowForge's calendar, over creation times spread across
// 2024–2028 (weekends, nights, holidays and clock changes included). `npm run bench:sla` will
// report this figure beside the queue's timings; run alone it prints `sla-clock: due_per_s=D`.
import { pathToFileURL } from "node:url";
import { Rng } from "@/fakes/hubspot/prng";
import { firstResponseDueAt } from "@/lib/sla/index";

const SPREAD_FROM = Date.UTC(2024, 0, 1);
const SPREAD_TO = Date.UTC(2029, 0, 1);

export function measureDuePerSecond(options: { samples?: number; durationMs?: number } = {}): number {
  const { samples = 100_000, durationMs = 1_000 } = options;
  const rng = new Rng(20260402);
  const next = () => rng.next();
  const createdAt = Array.from({ length: samples }, () => new Date(SPREAD_FROM + Math.floor(next() * (SPREAD_TO - SPREAD_FROM))));
  // Warm up: builds the calendar's tables and lets the JIT compile the hot path.
  let checksum = 0;
  for (const at of createdAt) checksum += firstResponseDueAt(at).getTime() % 7;
  let done = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < durationMs) {
    for (const at of createdAt) checksum += firstResponseDueAt(at).getTime() % 7;
    done += samples;
    elapsed = performance.now() - started;
  }
  // Using the checksum keeps the loop from being optimised away.
  if (checksum < 0) throw new Error("unreachable");
  return Math.round((done / elapsed) * 1000);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`sla-clock: due_per_s=${measureDuePerSecond()}`);
}
