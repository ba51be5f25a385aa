import { z } from "zod";
import { MAX_TEXT } from "@/lib/outbox/payload";
import { TEMPLATE_FIELDS, unknownPlaceholders } from "@/lib/replies/template";

export const saveSavedReplyInput = z.object({
  /** Absent: a new saved reply. */
  id: z.uuid().optional(),
  title: z.string().trim().min(1, "Give it a title.").max(120, "Keep the title under 120 characters."),
  body: z
    .string()
    .trim()
    .min(1, "Write the reply.")
    .max(MAX_TEXT)
    .superRefine((body, ctx) => {
      const unknown = unknownPlaceholders(body);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown placeholder ${unknown.map((name) => `{{${name}}}`).join(", ")}. Known: ${Object.keys(TEMPLATE_FIELDS).map((name) => `{{${name}}}`).join(", ")}.`,
        });
      }
    }),
});

export const deleteSavedReplyInput = z.object({ id: z.uuid() });
