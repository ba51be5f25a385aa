import { SLA_QUEUES } from "@/lib/jobs/sla-queues";
import { producer } from "@/lib/jobs/producer";

/**
 * Asks the worker to recompute tickets after a settings change. The change is already committed
 * with its new version, and the worker also looks every minute, so a queue that cannot be
 * reached only delays the recompute: it is logged, not reported to the admin as a failure.
 */
export async function requestRecompute(): Promise<void> {
  try {
    await (await producer()).send(SLA_QUEUES.rederive.name, {});
  } catch (error) {
    console.error("tiers: could not queue the recompute (the worker's minutely run will do it)", error);
  }
}
