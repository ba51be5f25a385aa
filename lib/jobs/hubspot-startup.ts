import type { PgBoss } from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { readState, STATE } from "@/lib/sync/state";

/**
 * At worker start: reconciliation on a schedule, and a backfill when none has completed (it
 * resumes from its cursors if one was interrupted). Without HubSpot settings, nothing is scheduled.
 */
export async function startHubSpotSync(boss: PgBoss): Promise<string> {
  const settings = env();
  const reconcile = HUBSPOT_QUEUES.reconcile.name;
  if (!settings.HUBSPOT_ACCESS_TOKEN) {
    await boss.unschedule(reconcile);
    return "HubSpot sync off (no HUBSPOT_ACCESS_TOKEN)";
  }
  const every = settings.HUBSPOT_RECONCILE_MINUTES;
  await boss.schedule(reconcile, every === 1 ? "* * * * *" : `*/${every} * * * *`, {});
  const backfill = await readState(db(), STATE.backfill);
  if (!backfill?.completedAt) await boss.send(HUBSPOT_QUEUES.backfill.name, {});
  return `HubSpot sync on (${settings.HUBSPOT_SIMULATOR ? "simulator" : settings.HUBSPOT_BASE_URL}, reconcile every ${every} min${backfill?.completedAt ? "" : ", backfill queued"})`;
}
