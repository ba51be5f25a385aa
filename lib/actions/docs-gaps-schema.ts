import { z } from "zod";

export const recordDocsGapInput = z.object({
  ticketId: z.string().regex(/^\d+$/).nullable(),
  topic: z.string().trim().min(3, "Say in a few words what is missing.").max(300, "Keep it under 300 characters."),
  /** The articles the composer suggested, which did not answer it. */
  suggested: z.array(z.object({ title: z.string().max(300), url: z.url({ protocol: /^https?$/ }) })).max(10),
});

export const resolveDocsGapInput = z.object({
  id: z.uuid(),
  articleUrl: z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(z.url({ protocol: /^https?$/, error: "Give the article's full address (https://…), or leave it empty." }).nullable()),
});
