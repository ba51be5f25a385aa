import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ReplyPayload } from "@/lib/outbox/payload";

// Who a reply goes to, from whom and on which channel: shown in the composer before sending, and
// stored with the intent, so what the worker sends is what the author saw. HubSpot only accepts a
// reply on the thread's own channel and channel account, from an agent ("A-<user id>").

export const CHANNEL_NAMES: Record<string, string> = { "1000": "live chat", "1002": "email" };
const EMAIL_CHANNEL = "1002";

export type ReplyRoute =
  | ({ available: true; channelName: string } & Pick<ReplyPayload, "threadId" | "channelId" | "channelAccountId" | "sender" | "recipient">)
  | { available: false; reason: string; loading?: boolean };

interface Party {
  actorId?: string;
  name?: string;
  deliveryIdentifier?: { type: string; value: string };
}

function fullName(person: { firstName: string | null; lastName: string | null; email?: string | null }): string | null {
  return [person.firstName, person.lastName].filter(Boolean).join(" ") || person.email || null;
}

export async function replyRoute(db: PrismaClient, ticketId: string, author: { email: string }): Promise<ReplyRoute> {
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { threadId: true, ownerId: true } });
  if (!ticket) return { available: false, reason: "This ticket does not exist." };
  if (!ticket.threadId) {
    return { available: false, reason: "This ticket has no conversation in HubSpot (it did not come from an email or the chat), so there is no thread to reply on." };
  }
  const thread = await db.conversationThread.findUnique({ where: { id: ticket.threadId } });
  if (!thread?.messagesSyncedAt) return { available: false, reason: "Reading the conversation from HubSpot…", loading: true };
  if (!thread.originalChannelId || !thread.originalChannelAccountId) {
    return { available: false, reason: "HubSpot did not say which channel this conversation is on, so a reply cannot be addressed." };
  }

  const lastIncoming = await db.conversationMessage.findFirst({
    where: { threadId: thread.id, type: "MESSAGE", direction: "INCOMING" },
    orderBy: { sentAt: "desc" },
    select: { senders: true },
  });
  const customer = ((lastIncoming?.senders ?? []) as Party[])[0];
  const contact = thread.associatedContactId ? await db.contact.findUnique({ where: { id: thread.associatedContactId } }) : null;
  const email = thread.originalChannelId === EMAIL_CHANNEL;
  const deliveryIdentifier =
    customer?.deliveryIdentifier ?? (email && contact?.email ? { type: "HS_EMAIL_ADDRESS", value: contact.email } : null);
  if (email && deliveryIdentifier?.type !== "HS_EMAIL_ADDRESS") {
    return { available: false, reason: "HubSpot has no email address for this customer, so an email reply cannot be sent." };
  }
  const recipient = {
    name: customer?.name || (contact ? fullName(contact) : null),
    actorId: customer?.actorId ?? (contact ? `V-${contact.id}` : null),
    deliveryIdentifier,
  };

  const sender = await senderFor(db, author.email, ticket.ownerId);
  if (!sender) {
    return {
      available: false,
      reason: "You have no HubSpot seat, and the ticket has no owner to reply as: assign an owner first (or ask for a seat).",
    };
  }
  return {
    available: true,
    threadId: thread.id,
    channelId: thread.originalChannelId,
    channelAccountId: thread.originalChannelAccountId,
    channelName: CHANNEL_NAMES[thread.originalChannelId] ?? `channel ${thread.originalChannelId}`,
    sender,
    recipient,
  };
}

/** The author's own HubSpot user when they have a seat; otherwise the ticket's owner, said openly. */
async function senderFor(db: PrismaClient, email: string, ticketOwnerId: string | null): Promise<ReplyPayload["sender"] | null> {
  const own = await db.owner.findFirst({ where: { email: email.toLowerCase(), archived: false, userId: { not: null } } });
  if (own) return { actorId: `A-${own.userId}`, name: fullName(own) ?? email, onBehalf: false };
  if (!ticketOwnerId) return null;
  const owner = await db.owner.findUnique({ where: { id: ticketOwnerId } });
  if (!owner?.userId || owner.archived) return null;
  return { actorId: `A-${owner.userId}`, name: fullName(owner) ?? owner.id, onBehalf: true };
}

/** The author's HubSpot owner id, for the notes they write. */
export async function ownerIdOf(db: PrismaClient, email: string): Promise<string | null> {
  const own = await db.owner.findFirst({ where: { email: email.toLowerCase(), archived: false }, select: { id: true } });
  return own?.id ?? null;
}
