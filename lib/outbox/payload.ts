import { z } from "zod";

// What each kind of write carries, decided when the intent is stored: the worker sends exactly
// what the user saw (the recipient, the sender, the values being changed).

/** HubSpot takes up to 65,536 characters in a note body; leave room for the HTML around the text. */
export const MAX_TEXT = 20_000;

export const notePayloadSchema = z.object({
  text: z.string().min(1).max(MAX_TEXT),
  /** The author's HubSpot owner, when they have one: the note is theirs in HubSpot too. */
  ownerId: z.string().nullable(),
});
export type NotePayload = z.infer<typeof notePayloadSchema>;

const deliveryIdentifier = z.object({ type: z.string().min(1), value: z.string().min(1) });

export const replyPayloadSchema = z.object({
  text: z.string().min(1).max(MAX_TEXT),
  threadId: z.string().min(1),
  channelId: z.string().min(1),
  channelAccountId: z.string().min(1),
  sender: z.object({
    actorId: z.string().regex(/^A-\d+$/),
    name: z.string(),
    /** True when the author has no HubSpot seat and the reply goes out as the ticket's owner. */
    onBehalf: z.boolean(),
  }),
  recipient: z.object({
    name: z.string().nullable(),
    actorId: z.string().nullable(),
    deliveryIdentifier: deliveryIdentifier.nullable(),
  }),
  /** The documentation links the reply carries (none: the author confirmed sending without). */
  docsLinks: z.array(z.string()),
});
export type ReplyPayload = z.infer<typeof replyPayloadSchema>;

export const TICKET_UPDATE_PROPERTIES = ["hs_pipeline_stage", "hubspot_owner_id"] as const;
export type TicketUpdateProperty = (typeof TICKET_UPDATE_PROPERTIES)[number];

export const ticketUpdatePayloadSchema = z.object({
  /** `from`: the value the author saw; a different value in HubSpot means someone changed it since. */
  changes: z.array(z.object({ property: z.enum(TICKET_UPDATE_PROPERTIES), from: z.string().nullable(), to: z.string().nullable() })).min(1),
  /** Set when the author retried after a conflict: write over the newer value. */
  overwrite: z.boolean().default(false),
});
export type TicketUpdatePayload = z.infer<typeof ticketUpdatePayloadSchema>;

export type WritePayload =
  | { kind: "NOTE"; payload: NotePayload }
  | { kind: "REPLY"; payload: ReplyPayload }
  | { kind: "TICKET_UPDATE"; payload: TicketUpdatePayload };

export function parseWritePayload(kind: WritePayload["kind"], raw: unknown): WritePayload {
  switch (kind) {
    case "NOTE":
      return { kind, payload: notePayloadSchema.parse(raw) };
    case "REPLY":
      return { kind, payload: replyPayloadSchema.parse(raw) };
    case "TICKET_UPDATE":
      return { kind, payload: ticketUpdatePayloadSchema.parse(raw) };
  }
}
