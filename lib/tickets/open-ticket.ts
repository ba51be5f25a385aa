import { env } from "@/lib/env";
import { hubspotTicketUrl as ticketUrl, hubspotTicketUrlBase } from "@/lib/integrations/hubspot/links";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { producer } from "@/lib/jobs/producer";

// Opening a ticket asks the worker for what the sync does not keep up to date by itself: the
// conversation when it was never read, and the notes (HubSpot sends no webhook for them).

/** At most one read of each kind per ticket in this window, however often the page refreshes. */
const THROTTLE_SECONDS = 15;

export async function requestTicketReads(ticketId: string, wanted: { thread: boolean; notes: boolean }): Promise<void> {
  if (!env().HUBSPOT_ACCESS_TOKEN || (!wanted.thread && !wanted.notes)) return;
  const boss = await producer();
  const options = { singletonKey: ticketId, singletonSeconds: THROTTLE_SECONDS };
  await Promise.all([
    wanted.thread ? boss.send(HUBSPOT_QUEUES.fetchThread.name, { ticketId }, options) : null,
    wanted.notes ? boss.send(HUBSPOT_QUEUES.fetchNotes.name, { ticketId }, options) : null,
  ]);
}

/** The ticket in HubSpot (or the simulator), when there is somewhere to link to. */
export function hubspotTicketUrl(ticketId: string): string | null {
  return ticketUrl(hubspotTicketUrlBase(env()), ticketId);
}
