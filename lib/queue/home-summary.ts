import { loadSlaConfig, type Db } from "@/lib/queue/load-config";
import { calendarPhases } from "@/lib/queue/sla-config";
import { openCalendarKeys, slaStateCondition } from "@/lib/queue/sla-filter";
import { COUNT_CAP } from "@/lib/queue/ticket-lists";

export interface HomeSlaSummary {
  breached: number;
  dueSoon: number;
  unknown: number;
  /** The figures stop counting at COUNT_CAP. */
  cap: number;
}

/** What needs someone now, for the home page: capped counts, never a scan of the whole table. */
export async function loadHomeSlaSummary(db: Db, now: Date): Promise<HomeSlaSummary> {
  const config = await loadSlaConfig(db);
  const open = openCalendarKeys(calendarPhases(config, now));
  const limit = COUNT_CAP + 1;
  const [row] = await db.$queryRaw<{ breached: number; dueSoon: number; unknown: number }[]>`
    SELECT
      (SELECT count(*)::int FROM (SELECT 1 FROM tickets t WHERE t.is_open AND ${slaStateCondition("breached", now, open)} LIMIT ${limit}) x) AS breached,
      (SELECT count(*)::int FROM (SELECT 1 FROM tickets t WHERE t.is_open AND ${slaStateCondition("due_soon", now, open)} LIMIT ${limit}) x) AS "dueSoon",
      (SELECT count(*)::int FROM (SELECT 1 FROM tickets t WHERE t.is_open AND t.tier = 'UNKNOWN' LIMIT ${limit}) x) AS unknown`;
  return { breached: row?.breached ?? 0, dueSoon: row?.dueSoon ?? 0, unknown: row?.unknown ?? 0, cap: COUNT_CAP };
}
