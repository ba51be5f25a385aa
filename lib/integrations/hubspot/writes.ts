import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/notes";
import { z } from "zod";
import type { HubSpotClient, RetryPolicy } from "@/lib/integrations/hubspot/client";
import type { HubSpotError } from "@/lib/integrations/hubspot/errors";
import { batchReadSchema, crmObjectSchema, messageSchema, messagesPageSchema, type CrmObject, type HubSpotMessage } from "@/lib/integrations/hubspot/schema";

// What the app writes to HubSpot (notes, replies, ticket changes) and the reads that tell whether
// a write already landed. Writes go out once per call: only a 429, which HubSpot answers before
// doing anything, is retried here. After a timeout, a dropped connection or a 5xx the write may
// exist, and the caller (lib/outbox) looks before it sends again.

/** HubSpot-defined association type: note → ticket. */
export const NOTE_TO_TICKET = 228;

const WRITE_POLICY: RetryPolicy = {
  retryable: (error: HubSpotError) => error.code === "RATE_LIMITED",
  retryForMs: 60_000,
};

/** Reads may repeat freely, but an outbox attempt should not hang for the client's default five minutes. */
const READ_POLICY: RetryPolicy = { retryForMs: 60_000 };

export const NOTE_PROPERTIES = ["hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_lastmodifieddate", "hs_createdate"];

export async function createTicketNote(
  hubspot: HubSpotClient,
  note: { ticketId: string; bodyHtml: string; timestamp: Date; ownerId: string | null },
): Promise<CrmObject> {
  return hubspot.request(
    `create a note on ticket ${note.ticketId}`,
    crmObjectSchema,
    (client) =>
      client.crm.objects.notes.basicApi.create({
        properties: {
          hs_timestamp: note.timestamp.toISOString(),
          hs_note_body: note.bodyHtml,
          ...(note.ownerId ? { hubspot_owner_id: note.ownerId } : {}),
        },
        associations: [
          {
            to: { id: note.ticketId },
            types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: NOTE_TO_TICKET }],
          },
        ],
      }),
    WRITE_POLICY,
  );
}

const associatedPageSchema = z.object({
  results: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]).transform(String) })),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * Every note associated with a ticket, with its body. Read through the associations API and a
 * batch read, not the search API: search lags behind writes by a few moments, which is exactly
 * when the outbox needs to know whether its note exists.
 */
export async function ticketNotes(hubspot: HubSpotClient, ticketId: string): Promise<CrmObject[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await hubspot.request(
      `list notes of ticket ${ticketId}`,
      associatedPageSchema,
      (client) => client.crm.associations.v4.basicApi.getPage("tickets", ticketId, "notes", after, 500),
      READ_POLICY,
    );
    ids.push(...page.results.map((result) => result.toObjectId));
    after = page.paging?.next?.after;
  } while (after);
  const notes: CrmObject[] = [];
  for (let start = 0; start < ids.length; start += 100) {
    const inputs = ids.slice(start, start + 100).map((id) => ({ id }));
    const batch = await hubspot.request(
      `read notes of ticket ${ticketId}`,
      batchReadSchema,
      (client) => client.crm.objects.notes.batchApi.read({ inputs, properties: NOTE_PROPERTIES, propertiesWithHistory: [] }, false),
      READ_POLICY,
    );
    notes.push(...batch.results);
  }
  return notes;
}

export interface OutgoingMessage {
  text: string;
  richText: string;
  senderActorId: string;
  channelId: string;
  channelAccountId: string;
  recipients: { actorId?: string; deliveryIdentifiers: { type: string; value: string }[] }[];
}

/** A message to the customer on the thread's own channel (HubSpot refuses any other). */
export async function replyOnThread(hubspot: HubSpotClient, threadId: string, message: OutgoingMessage): Promise<HubSpotMessage> {
  return hubspot.json(
    `reply on thread ${threadId}`,
    messageSchema,
    {
      method: "POST",
      path: `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}/messages`,
      body: {
        type: "MESSAGE",
        text: message.text,
        richText: message.richText,
        attachments: [],
        senderActorId: message.senderActorId,
        channelId: message.channelId,
        channelAccountId: message.channelAccountId,
        ...(message.recipients.length > 0 ? { recipients: message.recipients } : {}),
      },
    },
    WRITE_POLICY,
  );
}

/** The thread's messages created at or after `since`, newest first. */
export async function threadMessagesSince(hubspot: HubSpotClient, threadId: string, since: Date): Promise<HubSpotMessage[]> {
  const found: HubSpotMessage[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await hubspot.json(
      `list recent messages of thread ${threadId}`,
      messagesPageSchema,
      {
        method: "GET",
        path: `/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}/messages`,
        qs: { limit: "100", sort: "-createdAt", ...(after ? { after } : {}) },
      },
      READ_POLICY,
    );
    for (const message of page.results) {
      if (Date.parse(message.createdAt) < since.getTime()) return found;
      found.push(message);
    }
    after = page.paging?.next?.after;
    if (!after) return found;
  }
}

/** Properties as they are in HubSpot now (the outbox compares them before it changes anything). */
export async function readTicket(hubspot: HubSpotClient, ticketId: string, properties: readonly string[]): Promise<CrmObject | null> {
  const { results } = await hubspot.batchRead("tickets", [ticketId], [...properties]);
  return results.find((record) => record.id === ticketId) ?? null;
}

/** PATCH: setting the same values twice leaves the ticket as once, so a repeat is harmless. */
export async function updateTicket(hubspot: HubSpotClient, ticketId: string, properties: Record<string, string>): Promise<CrmObject> {
  return hubspot.request(
    `update ticket ${ticketId}`,
    crmObjectSchema,
    (client) => client.crm.tickets.basicApi.update(ticketId, { properties }),
    WRITE_POLICY,
  );
}
