import { z } from "zod";
import { documentationLinks } from "@/lib/docs/links";
import {
  NO_DOCS_ACTION,
  NO_DOCS_BLOCK,
  REPLY_ACTION,
  REPLY_BLOCK,
  REPLY_MODAL_CALLBACK,
  REPLY_SHORTCUT_CALLBACK,
  replyModal,
} from "@/lib/integrations/slack/messages";
import type { Interaction, MessageAction, ViewSubmission } from "@/lib/integrations/slack/schema";
import { mrkdwnToPlain } from "@/lib/integrations/slack/text";
import { slackChannel } from "@/lib/slack/channel";
import { dashboardTicketUrl } from "@/lib/slack/deps";
import type { SlackEventDeps } from "@/lib/slack/events";
import { teamMember, type TeamMember } from "@/lib/slack/people";
import { replyRoute } from "@/lib/tickets/reply-context";

// Answering a chat customer from Slack. A comment in the thread only ever becomes an internal
// note; sending to the customer takes the message shortcut "Reply to customer" (on any message of
// a chat ticket's thread), which opens a modal showing who receives what, from whom, with the text
// editable; only its "Send to customer" button sends. The reply goes through the outbox like one
// from the ticket page (same recipient rules, same documentation-link check, exactly once per
// modal), and the thread is told what was sent once HubSpot has it (reply-outcome.ts).

export interface InteractionDeps extends SlackEventDeps {
  /** Queues the job that reports the reply's outcome in the thread. */
  queueReplyOutcome(writeId: string): Promise<void>;
}

/** What the interactivity endpoint answers: null for an empty 200 (which closes a submitted modal). */
export type InteractionAnswer = Record<string, unknown> | null;

const metadataSchema = z.object({ ticketId: z.string(), channelId: z.string(), threadTs: z.string() });

export async function handleInteraction(deps: InteractionDeps, interaction: Interaction): Promise<InteractionAnswer> {
  if (interaction.type === "message_action" && interaction.callback_id === REPLY_SHORTCUT_CALLBACK) {
    await openReplyModal(deps, interaction);
    return null;
  }
  if (interaction.type === "view_submission" && interaction.view.callback_id === REPLY_MODAL_CALLBACK) return submitReply(deps, interaction);
  return null;
}

type Checked = { ok: true; member: TeamMember; ticket: { id: string; subject: string | null } } | { ok: false; reason: string };

/** The ticket of a thread, if it is a chat ticket a team member may answer from Slack. */
async function chatTicket(deps: InteractionDeps, channelId: string, threadTs: string, slackUserId: string): Promise<Checked> {
  const parent = await deps.db.slackMessage.findUnique({ where: { channelId_ts: { channelId, ts: threadTs } } });
  if (parent?.kind !== "TICKET" || !parent.ticketId) return { ok: false, reason: "This message is not in a ticket's thread: use the shortcut on a message in the thread of a ticket." };
  const ticket = await deps.db.ticket.findUnique({ where: { id: parent.ticketId }, select: { id: true, subject: true, sourceType: true, archivedAt: true } });
  if (!ticket || ticket.archivedAt) return { ok: false, reason: "This ticket was deleted in HubSpot." };
  if (ticket.sourceType !== "CHAT") {
    return {
      ok: false,
      reason: `Ticket #${ticket.id} did not come from the chat widget, so it is not answered from Slack. Reply from Support Desk: ${dashboardTicketUrl(deps.settings, ticket.id)}`,
    };
  }
  const check = await teamMember(deps, slackUserId);
  if (!check.member) return { ok: false, reason: `Only team members can reply to customers (${check.reason}).` };
  return { ok: true, member: check.member, ticket };
}

async function openReplyModal(deps: InteractionDeps, action: MessageAction): Promise<void> {
  const channel = await slackChannel(deps);
  const threadTs = action.message.thread_ts ?? action.message.ts;
  const refuse = (text: string) =>
    deps.slack.postEphemeral({ channel: action.channel.id, user: action.user.id, text, threadTs }).catch((error: unknown) => {
      deps.log?.(`could not tell ${action.user.id} why the reply was refused: ${error instanceof Error ? error.message : String(error)}`);
    });
  if (action.channel.id !== channel.id) return void (await refuse(`Replies to customers are sent from the tickets' threads in #${channel.name}.`));
  const checked = await chatTicket(deps, channel.id, threadTs, action.user.id);
  if (!checked.ok) return void (await refuse(checked.reason));
  const route = await replyRoute(deps.db, checked.ticket.id, { email: checked.member.email });
  if (!route.available) return void (await refuse(route.reason));
  // A person's message (a draft in the thread) is offered as the text; the app's posts are not.
  const fromPerson = !action.message.bot_id && action.message.user !== channel.botUserId;
  await deps.slack.openView(
    action.trigger_id,
    replyModal({
      ticket: checked.ticket,
      recipient: route.recipient.name,
      channelName: route.channelName,
      sender: { name: route.sender.name, onBehalf: route.sender.onBehalf },
      initialText: fromPerson ? mrkdwnToPlain(action.message.text ?? "", () => undefined) : "",
      privateMetadata: JSON.stringify({ ticketId: checked.ticket.id, channelId: channel.id, threadTs }),
    }),
  );
}

function errors(message: string): InteractionAnswer {
  return { response_action: "errors", errors: { [REPLY_BLOCK]: message } };
}

async function submitReply(deps: InteractionDeps, submission: ViewSubmission): Promise<InteractionAnswer> {
  let metadata: z.infer<typeof metadataSchema>;
  try {
    metadata = metadataSchema.parse(JSON.parse(submission.view.private_metadata));
  } catch {
    return errors("This form is out of date: close it and use the shortcut again.");
  }
  const values = submission.view.state.values;
  const text = values[REPLY_BLOCK]?.[REPLY_ACTION]?.value?.trim() ?? "";
  if (!text) return errors("Write the message to send.");
  const withoutDocs = (values[NO_DOCS_BLOCK]?.[NO_DOCS_ACTION]?.selected_options ?? []).some((option) => option.value === "yes");

  const checked = await chatTicket(deps, metadata.channelId, metadata.threadTs, submission.user.id);
  if (!checked.ok) return errors(checked.reason);
  const route = await replyRoute(deps.db, checked.ticket.id, { email: checked.member.email });
  if (!route.available) return errors(route.reason);
  const docsLinks = documentationLinks(text);
  if (docsLinks.length === 0 && !withoutDocs) {
    return errors("This reply has no link to FlowForge documentation: add one, or tick “Send without a documentation link” below.");
  }
  const { threadId, channelId, channelAccountId, sender, recipient } = route;
  const { write } = await deps.enqueueWrite({
    kind: "REPLY",
    ticketId: checked.ticket.id,
    payload: { text, threadId, channelId, channelAccountId, sender, recipient, docsLinks },
    author: { id: checked.member.userId, name: checked.member.name },
    // One modal is one reply: submitting it twice (or Slack sending it twice) sends once.
    idempotencyKey: `slack-view:${submission.view.id}`,
  });
  await deps.queueReplyOutcome(write.id);
  return null;
}
