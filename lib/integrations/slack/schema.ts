import { z } from "zod";

// What Slack sends and answers, as far as the app reads it. Unknown fields are dropped; a shape
// that does not match is an error, not a silently empty value.

// ---- Web API answers ------------------------------------------------------------------------

export const authTestSchema = z.object({ user_id: z.string(), bot_id: z.string().optional(), team_id: z.string() });

const channelSchema = z.object({ id: z.string(), name: z.string(), is_member: z.boolean().optional(), is_archived: z.boolean().optional() });
export const conversationInfoSchema = z.object({ channel: channelSchema });
export const conversationListSchema = z.object({
  channels: z.array(channelSchema),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

export const postMessageSchema = z.object({ channel: z.string(), ts: z.string() });
export const updateMessageSchema = z.object({ channel: z.string(), ts: z.string() });
export const permalinkSchema = z.object({ permalink: z.url() });
export const ephemeralSchema = z.object({ message_ts: z.string() });
export const viewOpenSchema = z.object({ view: z.object({ id: z.string() }) });

/** A message in conversations.history / conversations.replies (with include_all_metadata). */
export const historyMessageSchema = z.object({
  ts: z.string(),
  thread_ts: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  metadata: z.object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()) }).optional(),
});
export type HistoryMessage = z.infer<typeof historyMessageSchema>;

export const historyPageSchema = z.object({
  messages: z.array(historyMessageSchema),
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

export const slackUserSchema = z.object({
  id: z.string(),
  team_id: z.string().optional(),
  name: z.string(),
  real_name: z.string().optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  is_app_user: z.boolean().optional(),
  /** A guest: multi-channel (restricted) or single-channel (ultra restricted). */
  is_restricted: z.boolean().optional(),
  is_ultra_restricted: z.boolean().optional(),
  profile: z
    .object({ email: z.string().optional(), real_name: z.string().optional(), display_name: z.string().optional() })
    .default({}),
});
export type SlackUserInfo = z.infer<typeof slackUserSchema>;
export const userInfoSchema = z.object({ user: slackUserSchema });

// ---- Events API --------------------------------------------------------------------------------

/** A message event, as Slack sends it for channels the app is in. */
export const messageEventSchema = z.object({
  type: z.literal("message"),
  subtype: z.string().optional(),
  channel: z.string(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const eventEnvelopeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("url_verification"), challenge: z.string() }),
  z.object({
    type: z.literal("event_callback"),
    team_id: z.string(),
    event_id: z.string().min(1),
    event_time: z.number(),
    event: z.looseObject({ type: z.string() }),
  }),
  // app_rate_limited and whatever Slack adds later: acknowledged, nothing to do.
  z.looseObject({ type: z.enum(["app_rate_limited"]) }),
]);
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

// ---- Interactivity -------------------------------------------------------------------------------

const interactionUser = z.object({ id: z.string(), name: z.string().optional(), username: z.string().optional() });

/** A message shortcut: the message it was used on carries its thread. */
export const messageActionSchema = z.object({
  type: z.literal("message_action"),
  callback_id: z.string(),
  trigger_id: z.string(),
  user: interactionUser,
  channel: z.object({ id: z.string(), name: z.string().optional() }),
  message_ts: z.string(),
  message: z.object({
    ts: z.string(),
    thread_ts: z.string().optional(),
    text: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    subtype: z.string().optional(),
  }),
});
export type MessageAction = z.infer<typeof messageActionSchema>;

/** A submitted modal; `state.values` is by block id, then action id. */
export const viewSubmissionSchema = z.object({
  type: z.literal("view_submission"),
  user: interactionUser,
  view: z.object({
    id: z.string(),
    callback_id: z.string(),
    private_metadata: z.string().default(""),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(
          z.string(),
          z.object({
            type: z.string(),
            value: z.string().nullable().optional(),
            selected_options: z.array(z.object({ value: z.string() })).optional(),
          }),
        ),
      ),
    }),
  }),
});
export type ViewSubmission = z.infer<typeof viewSubmissionSchema>;

export const interactionSchema = z.discriminatedUnion("type", [
  messageActionSchema,
  viewSubmissionSchema,
  // Buttons, closed modals and the rest: acknowledged, nothing to do.
  z.looseObject({ type: z.enum(["block_actions", "view_closed", "shortcut", "block_suggestion"]) }),
]);
export type Interaction = z.infer<typeof interactionSchema>;
