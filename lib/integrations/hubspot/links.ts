import type { Env } from "@/lib/env";

/**
 * Where a person sees tickets in HubSpot, as a prefix for the ticket id: the account's record
 * pages when HUBSPOT_PORTAL_ID is set, the simulator's copy of the record in the demo, otherwise
 * none (no link is shown).
 */
export function hubspotTicketUrlBase(settings: Pick<Env, "HUBSPOT_PORTAL_ID" | "HUBSPOT_SIMULATOR" | "HUBSPOT_BASE_URL">): string | undefined {
  if (settings.HUBSPOT_PORTAL_ID) return `https://app.hubspot.com/contacts/${settings.HUBSPOT_PORTAL_ID}/record/0-5/`;
  if (settings.HUBSPOT_SIMULATOR) return `${settings.HUBSPOT_BASE_URL}/_control/tickets/`;
  return undefined;
}

export function hubspotTicketUrl(base: string | undefined, ticketId: string): string | null {
  return base ? `${base}${encodeURIComponent(ticketId)}` : null;
}
