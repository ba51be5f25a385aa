import { z } from "zod";

/** reconcile: catch up now (changes and deletions); full: read every ticket from HubSpot again. */
export const resyncInput = z.object({ mode: z.enum(["reconcile", "full"]) });
export type ResyncMode = z.infer<typeof resyncInput>["mode"];
