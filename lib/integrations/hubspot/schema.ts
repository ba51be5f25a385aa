import { z } from "zod";

// What HubSpot sends back, checked before anything is stored. The official client deserializes
// into its own classes (dates become Date objects, `from` becomes `_from`); these schemas accept
// that shape, and the raw JSON of the Conversations API, which the client has no types for.

const instant = z.union([z.date(), z.string()]);
const id = z.union([z.string(), z.number()]).transform(String);

export const crmObjectSchema = z.object({
  id: z.string().regex(/^\d+$/, "must be a numeric HubSpot id"),
  properties: z.record(z.string(), z.string().nullable()),
  archived: z.boolean().optional(),
  archivedAt: instant.optional(),
  updatedAt: instant.optional(),
  associations: z
    .record(z.string(), z.object({ results: z.array(z.object({ id, type: z.string() })) }))
    .optional(),
});
export type CrmObject = z.infer<typeof crmObjectSchema>;

const paging = z.object({ next: z.object({ after: z.string() }).optional() }).optional();

export const crmPageSchema = z.object({ results: z.array(crmObjectSchema), paging });

export const searchPageSchema = z.object({ total: z.number().int(), results: z.array(crmObjectSchema), paging });
export type SearchPage = z.infer<typeof searchPageSchema>;

export const batchReadSchema = z.object({
  results: z.array(crmObjectSchema),
  errors: z
    .array(z.object({ category: z.string(), message: z.string(), context: z.record(z.string(), z.array(z.string())).optional() }))
    .optional(),
});

export const pipelinesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      displayOrder: z.number().int(),
      archived: z.boolean(),
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          displayOrder: z.number().int(),
          archived: z.boolean(),
          metadata: z.record(z.string(), z.string()).optional(),
        }),
      ),
    }),
  ),
});
export type HubSpotPipeline = z.infer<typeof pipelinesSchema>["results"][number];

export const ownersPageSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      email: z.string().optional(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      userId: z.number().int().optional(),
      archived: z.boolean(),
    }),
  ),
  paging,
});
export type HubSpotOwner = z.infer<typeof ownersPageSchema>["results"][number];

export const associationBatchSchema = z.object({
  results: z.array(
    z.object({
      _from: z.object({ id }),
      to: z.array(
        z.object({
          toObjectId: id,
          associationTypes: z.array(z.object({ category: z.string(), typeId: z.number().int(), label: z.string().nullish() })),
        }),
      ),
    }),
  ),
});

export const threadSchema = z.object({
  id,
  status: z.string().optional(),
  inboxId: id.optional(),
  associatedContactId: id.optional(),
  originalChannelId: id.optional(),
  originalChannelAccountId: id.optional(),
  latestMessageTimestamp: z.string().optional(),
  threadAssociations: z.object({ associatedTicketId: id.optional() }).optional(),
});
export type HubSpotThread = z.infer<typeof threadSchema>;

const deliveryIdentifier = z.object({ type: z.string(), value: z.string() });
const party = z.object({ actorId: z.string().optional(), name: z.string().optional(), deliveryIdentifier: deliveryIdentifier.optional() });

export const messageSchema = z.object({
  id: z.string(),
  type: z.string(),
  createdAt: z.string(),
  direction: z.enum(["INCOMING", "OUTGOING"]).optional(),
  channelId: id.optional(),
  channelAccountId: id.optional(),
  senders: z.array(party).default([]),
  recipients: z.array(party).default([]),
  subject: z.string().optional(),
  text: z.string().optional(),
  richText: z.string().optional(),
});
export type HubSpotMessage = z.infer<typeof messageSchema>;

export const messagesPageSchema = z.object({ results: z.array(messageSchema), paging });

/** One event of a HubSpot webhook POST (the body is an array of these). */
export const webhookEventSchema = z
  .object({
    eventId: id,
    subscriptionId: z.number().optional(),
    portalId: z.number().optional(),
    appId: z.number().optional(),
    occurredAt: z.number().int().nonnegative(),
    subscriptionType: z.string().min(1),
    attemptNumber: z.number().int().optional(),
    objectId: id,
    changeSource: z.string().optional(),
    propertyName: z.string().optional(),
    propertyValue: z.string().optional(),
    messageId: z.string().optional(),
  })
  .loose();
export type HubSpotWebhookEvent = z.infer<typeof webhookEventSchema>;

export const webhookBatchSchema = z.array(webhookEventSchema).min(1).max(1000);
