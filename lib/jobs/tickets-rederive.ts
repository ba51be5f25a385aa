import { z } from "zod";
import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/definition";
import { SLA_QUEUES } from "@/lib/jobs/sla-queues";
import { rederiveOutdated } from "@/lib/queue/rederive";

/** How long one run works before it queues the next chunk. */
const CHUNK_MS = 2 * 60_000;

/**
 * Recomputes tier and SLA fields of tickets derived under older settings (queued by every settings
 * change, and each minute as a safety net). Idempotent: the version on each row says what is left.
 */
export const ticketsRederiveJob = defineJob({
  name: SLA_QUEUES.rederive.name,
  payload: z.object({}),
  queue: SLA_QUEUES.rederive.settings,
  async handler(_payload, { signal, send }) {
    const deadline = systemClock.now() + CHUNK_MS;
    const result = await rederiveOutdated(db(), { shouldStop: () => signal.aborted || systemClock.now() >= deadline });
    if (result.derived > 0) console.log(`sla: recomputed ${result.derived} tickets${result.done ? "" : ", more to do"}`);
    if (!result.done) await send(SLA_QUEUES.rederive.name, {});
  },
});
