// The handbook: alert #support-tickets when a customer-created ticket "has not been updated for
// longer than 1 day". We read that as wall-clock time (24 hours), not a business day: the
// handbook speaks of business hours only for the SLA, and this alert is about neglect as the
// waiting customer sees it. A ticket last touched on Friday afternoon is announced on Saturday
// for the best-effort cover; the SLA timer, in business time, is what measures the team.

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export interface StaleCandidate {
  id: string;
  open: boolean;
  /** Raised by the customer (email, chat, form), not logged by the team for itself. */
  customerCreated: boolean;
  lastUpdatedAt: Date;
}

export function isStale(ticket: StaleCandidate, now: Date, staleAfterMs: number = STALE_AFTER_MS): boolean {
  return ticket.open && ticket.customerCreated && now.getTime() - ticket.lastUpdatedAt.getTime() > staleAfterMs;
}

/** When the ticket becomes stale if nothing updates it first. */
export function staleFrom(ticket: StaleCandidate, staleAfterMs: number = STALE_AFTER_MS): Date {
  return new Date(ticket.lastUpdatedAt.getTime() + staleAfterMs);
}

/**
 * Names one stale period: it stays the same until the ticket is updated again, so a polling job
 * that records alerts under a unique key records (and posts) one per period however often it runs.
 */
export function stalePeriodKey(ticket: Pick<StaleCandidate, "id" | "lastUpdatedAt">): string {
  return `${ticket.id}:${ticket.lastUpdatedAt.toISOString()}`;
}
