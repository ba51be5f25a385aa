import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { syncDeps } from "@/lib/jobs/sync-deps";
import { syncTicketNotes } from "@/lib/tickets/hubspot-reads";

/** Reads one ticket's notes (queued when someone opens the ticket: HubSpot sends no webhook for notes). */
export const hubspotFetchNotesJob = defineJob({
  name: HUBSPOT_QUEUES.fetchNotes.name,
  payload: z.object({ ticketId: z.string().regex(/^\d+$/) }),
  queue: HUBSPOT_QUEUES.fetchNotes.settings,
  async handler({ ticketId }) {
    const deps = syncDeps();
    if (!deps) return;
    await syncTicketNotes(deps, ticketId);
  },
});
