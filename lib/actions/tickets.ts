"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { addNoteInput, changeTicketInput, retryWriteInput, sendReplyInput } from "@/lib/actions/tickets-schema";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { documentationLinks } from "@/lib/docs/links";
import { AppError } from "@/lib/errors";
import { producer } from "@/lib/jobs/producer";
import { enqueueWrite, requeueWrite } from "@/lib/outbox/enqueue";
import type { TicketUpdatePayload } from "@/lib/outbox/payload";
import { ownerIdOf, replyRoute } from "@/lib/tickets/reply-context";

// The ticket page's writes to HubSpot. Each one checks the session and role (safeAction), that the
// ticket exists, and stores the intent with its queue job in one transaction (lib/outbox); the
// worker delivers it. A member may do all of this.

async function liveTicket(ticketId: string) {
  const ticket = await db().ticket.findUnique({ where: { id: ticketId }, select: { id: true, archivedAt: true, pipelineId: true, stageId: true, ownerId: true } });
  if (!ticket || ticket.archivedAt) throw new AppError("NOT_FOUND", "This ticket does not exist, or was deleted in HubSpot.");
  return ticket;
}

const authorOf = (user: SessionUser) => ({ id: user.id, name: user.name ?? user.email });

export const addNote = safeAction({ role: "MEMBER", input: addNoteInput }, async ({ ticketId, text, idempotencyKey }, { user }) => {
  await liveTicket(ticketId);
  const { write } = await enqueueWrite(db(), await producer(), {
    kind: "NOTE",
    ticketId,
    payload: { text, ownerId: await ownerIdOf(db(), user.email) },
    author: authorOf(user),
    idempotencyKey,
  });
  revalidatePath(`/tickets/${ticketId}`);
  return { writeId: write.id };
});

export const sendReply = safeAction({ role: "MEMBER", input: sendReplyInput }, async ({ ticketId, text, idempotencyKey, withoutDocs }, { user }) => {
  await liveTicket(ticketId);
  const route = await replyRoute(db(), ticketId, user);
  if (!route.available) throw new AppError("CONFLICT", route.reason);
  const docsLinks = documentationLinks(text);
  if (docsLinks.length === 0 && !withoutDocs) {
    throw new AppError("CONFLICT", "This reply has no link to FlowForge documentation: confirm that it should go without one.");
  }
  const { threadId, channelId, channelAccountId, sender, recipient } = route;
  const { write } = await enqueueWrite(db(), await producer(), {
    kind: "REPLY",
    ticketId,
    payload: { text, threadId, channelId, channelAccountId, sender, recipient, docsLinks },
    author: authorOf(user),
    idempotencyKey,
  });
  revalidatePath(`/tickets/${ticketId}`);
  return { writeId: write.id };
});

export const changeTicket = safeAction({ role: "MEMBER", input: changeTicketInput }, async ({ ticketId, idempotencyKey, stageId, ownerId }, { user }) => {
  const ticket = await liveTicket(ticketId);
  const changes: TicketUpdatePayload["changes"] = [];
  if (stageId !== undefined && stageId !== ticket.stageId) {
    const stage = ticket.pipelineId
      ? await db().pipelineStage.findUnique({ where: { pipelineId_id: { pipelineId: ticket.pipelineId, id: stageId } } })
      : null;
    if (!stage || stage.archived) throw new AppError("INVALID_INPUT", "That status is not in this ticket's pipeline.");
    changes.push({ property: "hs_pipeline_stage", from: ticket.stageId, to: stageId });
  }
  if (ownerId !== undefined && ownerId !== ticket.ownerId) {
    if (ownerId !== null) {
      const owner = await db().owner.findUnique({ where: { id: ownerId } });
      if (!owner || owner.archived) throw new AppError("INVALID_INPUT", "That owner is not a current HubSpot owner.");
    }
    changes.push({ property: "hubspot_owner_id", from: ticket.ownerId, to: ownerId });
  }
  if (changes.length === 0) return { writeId: null };
  const { write } = await enqueueWrite(db(), await producer(), {
    kind: "TICKET_UPDATE",
    ticketId,
    payload: { changes, overwrite: false },
    author: authorOf(user),
    idempotencyKey,
  });
  revalidatePath(`/tickets/${ticketId}`);
  return { writeId: write.id };
});

export const retryWrite = safeAction({ role: "MEMBER", input: retryWriteInput }, async ({ writeId, overwrite }) => {
  const write = await requeueWrite(db(), await producer(), writeId, { overwrite });
  revalidatePath(`/tickets/${write.ticketId}`);
  return { writeId };
});
