import { isCustomerCreated, CUSTOMER_SOURCES } from "@/lib/queue/derive-fields";
import type { Db } from "@/lib/queue/load-config";
import { isStale, stalePeriodKey, staleFrom, STALE_AFTER_MS } from "@/lib/sla/stale";

// The stale finder: open, customer-created tickets not updated for over a day get one alert per
// stale period (the period key is the ticket and the update that began it), however often this
// runs; an update starts a new period, which gets its own alert once it is stale in turn.

export async function recordStaleAlerts(db: Db, now: Date): Promise<{ recorded: number }> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  const candidates = await db.$queryRaw<{ id: string; sourceType: string | null; lastUpdatedAt: Date }[]>`
    SELECT t.id, t.source_type AS "sourceType", t.hs_last_modified_at AS "lastUpdatedAt"
    FROM tickets t
    WHERE t.is_open AND t.source_type = ANY(${[...CUSTOMER_SOURCES]}::text[]) AND t.hs_last_modified_at < ${cutoff}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM stale_alerts a WHERE a.ticket_id = t.id AND a.last_updated_at = t.hs_last_modified_at)`;
  const alerts = candidates
    .filter((ticket) => isStale({ id: ticket.id, open: true, customerCreated: isCustomerCreated(ticket.sourceType), lastUpdatedAt: ticket.lastUpdatedAt }, now))
    .map((ticket) => ({
      ticketId: ticket.id,
      periodKey: stalePeriodKey(ticket),
      lastUpdatedAt: ticket.lastUpdatedAt,
      staleSince: staleFrom({ id: ticket.id, open: true, customerCreated: true, lastUpdatedAt: ticket.lastUpdatedAt }),
      detectedAt: now,
    }));
  if (alerts.length === 0) return { recorded: 0 };
  const { count } = await db.staleAlert.createMany({ data: alerts, skipDuplicates: true });
  return { recorded: count };
}
