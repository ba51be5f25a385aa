import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { SLA_QUEUES } from "@/lib/jobs/sla-queues";
import { ensureSlaSettings } from "@/lib/queue/load-config";

/**
 * At worker start: the SLA settings exist (seeded from COMPANY_TIER_PROPERTY the first time), the
 * stale finder and the recompute safety net run every minute, and a recompute runs now (tickets
 * stored before this version of the derivation, or while no worker ran).
 */
export async function startSlaJobs(boss: PgBoss): Promise<string> {
  await ensureSlaSettings(db(), env().COMPANY_TIER_PROPERTY);
  await boss.schedule(SLA_QUEUES.staleTickets.name, "* * * * *", {});
  await boss.schedule(SLA_QUEUES.rederive.name, "* * * * *", {});
  await boss.send(SLA_QUEUES.rederive.name, {});
  return "SLA jobs on (stale finder and tier/SLA recompute every minute)";
}
