import { z } from "zod";
import { MAX_TEXT } from "@/lib/outbox/payload";

const ticketId = z.string().regex(/^\d+$/, "Not a HubSpot ticket id");
/** Made by the form for one submission, so that sending it twice stores one write. */
const idempotencyKey = z.uuid();
const text = z
  .string()
  .trim()
  .min(1, "Write something first.")
  .max(MAX_TEXT, `Keep it under ${MAX_TEXT.toLocaleString("en-GB")} characters.`);

export const addNoteInput = z.object({ ticketId, text, idempotencyKey });

export const sendReplyInput = z.object({
  ticketId,
  text,
  idempotencyKey,
  /** The author confirmed sending a reply without a documentation link. */
  withoutDocs: z.boolean(),
});

export const changeTicketInput = z
  .object({
    ticketId,
    idempotencyKey,
    stageId: z.string().min(1).optional(),
    /** null: unassign. */
    ownerId: z.string().min(1).nullable().optional(),
  })
  .refine((value) => value.stageId !== undefined || value.ownerId !== undefined, { message: "Choose a status or an owner." });

export const retryWriteInput = z.object({
  writeId: z.uuid(),
  /** For a ticket change refused because HubSpot changed meanwhile: write over it. */
  overwrite: z.boolean().default(false),
});
