import type { Clock } from "@/lib/clock";
import type { HubSpotWrite, PrismaClient } from "@/lib/generated/prisma/client";
import type { HubSpotClient } from "@/lib/integrations/hubspot/client";
import { HubSpotError } from "@/lib/integrations/hubspot/errors";
import { messageRow } from "@/lib/integrations/hubspot/mappers";
import type { CrmObject, HubSpotMessage } from "@/lib/integrations/hubspot/schema";
import {
  createTicketNote,
  readTicket,
  replyOnThread,
  threadMessagesSince,
  ticketNotes,
  updateTicket,
} from "@/lib/integrations/hubspot/writes";
import { findDeliveredReply, noteBody, noteHasRef, replyRichText, writeRef } from "@/lib/outbox/content";
import { parseWritePayload, type NotePayload, type ReplyPayload, type TicketUpdatePayload } from "@/lib/outbox/payload";
import { deriveTickets } from "@/lib/queue/derive";
import { refreshTicket, storeNotes } from "@/lib/tickets/hubspot-reads";

// The worker's half of the outbox. Each attempt claims the intent (so two workers never send it
// at once), and, if any earlier attempt may have reached HubSpot, looks for the write there
// before sending it: a note by the reference in its footer, a message by the reference in its
// HTML or by sender and text, a ticket change by the ticket's current values. Errors that say
// HubSpot refused the write fail it at once; the others are retried by the queue, up to
// MAX_ATTEMPTS, then the intent fails with the last reason and a person may retry it.

export interface OutboxDeps {
  db: PrismaClient;
  hubspot: HubSpotClient;
  clock: Clock;
  log?: (line: string) => void;
}

/** Attempts per round; the queue allows more, so the handler always settles the intent itself. */
export const MAX_ATTEMPTS = 6;
/** A claim outlives any single attempt (each HubSpot call gives up within a minute or so). */
const LEASE_MS = 5 * 60_000;
/** HubSpot's clock and ours may disagree a little when looking for a message by time. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Thrown to have the queue run the job again later. */
export class RetryLater extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RetryLater";
  }
}

/** HubSpot's answer, or the state of things there, means writing again cannot help. */
class Refused extends Error {}

export type DeliveryOutcome = "sent" | "found" | "failed" | "skipped";

interface Delivered {
  hubspotId: string;
  /** True when the write was already in HubSpot (an earlier attempt landed) or nothing needed changing. */
  found: boolean;
  note?: CrmObject;
  message?: { threadId: string; message: HubSpotMessage };
}

export async function deliverWrite(deps: OutboxDeps, writeId: string): Promise<DeliveryOutcome> {
  const { db, clock } = deps;
  const now = new Date(clock.now());
  const claimed = await db.$queryRaw<{ attempts: number; previous: Date | null }[]>`
    UPDATE hubspot_writes w
    SET attempts = w.attempts + 1, first_attempt_at = COALESCE(w.first_attempt_at, ${now}::timestamptz),
      last_attempt_at = ${now}::timestamptz, locked_until = ${new Date(now.getTime() + LEASE_MS)}::timestamptz, updated_at = now()
    FROM (SELECT id, first_attempt_at AS previous FROM hubspot_writes WHERE id = ${writeId}::uuid FOR UPDATE) p
    WHERE w.id = p.id AND w.status = 'PENDING' AND (w.locked_until IS NULL OR w.locked_until < ${now}::timestamptz)
    RETURNING w.attempts, p.previous`;
  const claim = claimed[0];
  if (!claim) {
    const write = await db.hubSpotWrite.findUnique({ where: { id: writeId }, select: { status: true } });
    // Another worker holds it: come back after its claim, in case that worker dies.
    if (write?.status === "PENDING") throw new RetryLater(`write ${writeId} is being delivered by another worker`);
    return "skipped";
  }
  const write = await db.hubSpotWrite.findUniqueOrThrow({ where: { id: writeId } });
  const mayExist = claim.previous !== null;

  let delivered: Delivered;
  try {
    delivered = await attempt(deps, write, mayExist);
  } catch (error) {
    const reason = describe(error);
    const final = isFinal(error) || claim.attempts >= MAX_ATTEMPTS;
    await db.hubSpotWrite.update({
      where: { id: writeId },
      data: { lastError: reason, lockedUntil: null, ...(final ? { status: "FAILED" as const } : {}) },
    });
    deps.log?.(`write ${writeId} (${write.kind}) attempt ${claim.attempts} ${final ? "failed for good" : "failed, will retry"}: ${reason}`);
    if (final) return "failed";
    throw new RetryLater(reason, { cause: error });
  }

  // From here on HubSpot has the write: whatever fails now must not make it look unsent. The id
  // first, so the timeline shows the stored copy in the write's place; SENT once the copy (and the
  // SLA it may settle) is in Postgres, so a page that sees SENT sees the rest too.
  await db.hubSpotWrite.update({ where: { id: writeId }, data: { hubspotId: delivered.hubspotId } });
  await storeLocally(deps, write, delivered).catch((error: unknown) => {
    // The sync catches up later (webhooks, reconciliation, the next time the ticket is opened).
    deps.log?.(`write ${writeId}: sent, but the local copy was not refreshed: ${describe(error)}`);
  });
  await db.hubSpotWrite.update({
    where: { id: writeId },
    data: { status: "SENT", sentAt: new Date(clock.now()), lockedUntil: null, lastError: null },
  });
  deps.log?.(`write ${writeId} (${write.kind}) ${delivered.found ? "was already in HubSpot" : "sent"} as ${delivered.hubspotId}`);
  return delivered.found ? "found" : "sent";
}

/** Marks a write failed without trying it (e.g. HubSpot is not configured). */
export async function failWrite(db: PrismaClient, writeId: string, reason: string): Promise<void> {
  await db.hubSpotWrite.updateMany({ where: { id: writeId, status: "PENDING" }, data: { status: "FAILED", lastError: reason, lockedUntil: null } });
}

async function attempt(deps: OutboxDeps, write: HubSpotWrite, mayExist: boolean): Promise<Delivered> {
  const parsed = parseWritePayload(write.kind, write.payload);
  switch (parsed.kind) {
    case "NOTE":
      return deliverNote(deps, write, parsed.payload, mayExist);
    case "REPLY":
      return deliverReply(deps, write, parsed.payload, mayExist);
    case "TICKET_UPDATE":
      return deliverTicketUpdate(deps, write, parsed.payload);
  }
}

async function deliverNote({ hubspot }: OutboxDeps, write: HubSpotWrite, payload: NotePayload, mayExist: boolean): Promise<Delivered> {
  const ref = writeRef(write.id);
  if (mayExist) {
    const existing = (await ticketNotes(hubspot, write.ticketId)).find((note) => noteHasRef(note.properties.hs_note_body, ref));
    if (existing) return { hubspotId: existing.id, found: true, note: existing };
  }
  const note = await createTicketNote(hubspot, {
    ticketId: write.ticketId,
    bodyHtml: noteBody(payload.text, write.authorName, ref),
    timestamp: write.createdAt,
    ownerId: payload.ownerId,
  });
  return { hubspotId: note.id, found: false, note };
}

async function deliverReply({ db, hubspot }: OutboxDeps, write: HubSpotWrite, payload: ReplyPayload, mayExist: boolean): Promise<Delivered> {
  const ref = writeRef(write.id);
  if (mayExist) {
    const since = new Date((write.firstAttemptAt ?? write.createdAt).getTime() - CLOCK_SKEW_MS);
    const recent = await threadMessagesSince(hubspot, payload.threadId, since);
    // Messages other replies from here became: an identical text sent twice on purpose stays two messages.
    const claimed = await db.hubSpotWrite.findMany({
      where: { kind: "REPLY", ticketId: write.ticketId, id: { not: write.id }, hubspotId: { in: recent.map((message) => message.id) } },
      select: { hubspotId: true },
    });
    const existing = findDeliveredReply(recent, {
      ref,
      text: payload.text,
      senderActorId: payload.sender.actorId,
      claimedIds: new Set(claimed.map((row) => row.hubspotId!)),
    });
    if (existing) return { hubspotId: existing.id, found: true, message: { threadId: payload.threadId, message: existing } };
  }
  const message = await replyOnThread(hubspot, payload.threadId, {
    text: payload.text,
    richText: replyRichText(payload.text, ref),
    senderActorId: payload.sender.actorId,
    channelId: payload.channelId,
    channelAccountId: payload.channelAccountId,
    recipients: payload.recipient.deliveryIdentifier
      ? [{ ...(payload.recipient.actorId ? { actorId: payload.recipient.actorId } : {}), deliveryIdentifiers: [payload.recipient.deliveryIdentifier] }]
      : [],
  });
  return { hubspotId: message.id, found: false, message: { threadId: payload.threadId, message } };
}

const normalise = (value: string | null | undefined) => value ?? "";

/**
 * A PATCH repeated changes nothing, so the look here is about someone else: a value changed in
 * HubSpot since the author saw it is not overwritten unless they said so on a retry.
 */
async function deliverTicketUpdate({ db, hubspot }: OutboxDeps, write: HubSpotWrite, payload: TicketUpdatePayload): Promise<Delivered> {
  const properties = payload.changes.map((change) => change.property);
  const current = await readTicket(hubspot, write.ticketId, properties);
  if (!current) throw new Refused("The ticket no longer exists in HubSpot.");
  const pending = payload.changes.filter((change) => normalise(current.properties[change.property]) !== normalise(change.to));
  if (pending.length === 0) return { hubspotId: current.id, found: true };
  if (!payload.overwrite) {
    const moved = pending.filter((change) => normalise(current.properties[change.property]) !== normalise(change.from));
    if (moved.length > 0) {
      const described = await Promise.all(moved.map(async (change) => `${LABELS[change.property]} is now ${await valueLabel(db, change.property, current.properties[change.property] ?? null)}`));
      throw new Refused(`Changed in HubSpot meanwhile: ${described.join("; ")}. Not overwritten; retry to overwrite it.`);
    }
  }
  const updated = await updateTicket(hubspot, write.ticketId, Object.fromEntries(pending.map((change) => [change.property, change.to ?? ""])));
  return { hubspotId: updated.id, found: false };
}

const LABELS = { hs_pipeline_stage: "the status", hubspot_owner_id: "the owner" } as const;

async function valueLabel(db: PrismaClient, property: keyof typeof LABELS, value: string | null): Promise<string> {
  if (!value) return property === "hubspot_owner_id" ? "unassigned" : "empty";
  if (property === "hubspot_owner_id") {
    const owner = await db.owner.findUnique({ where: { id: value } });
    return `"${[owner?.firstName, owner?.lastName].filter(Boolean).join(" ") || owner?.email || value}"`;
  }
  const stage = await db.pipelineStage.findFirst({ where: { id: value } });
  return `"${stage?.label ?? value}"`;
}

/** The copy in Postgres, so the timeline and the SLA show the write before the sync comes round. */
async function storeLocally(deps: OutboxDeps, write: HubSpotWrite, delivered: Delivered): Promise<void> {
  if (delivered.note) await storeNotes(deps.db, write.ticketId, [delivered.note]);
  if (delivered.message) {
    const row = messageRow(delivered.message.threadId, delivered.message.message);
    await deps.db.conversationMessage.createMany({
      data: [{ ...row, senders: row.senders as object[], recipients: row.recipients as object[] }],
      skipDuplicates: true,
    });
  }
  // Stage, owner, first agent message time, notes_last_updated: HubSpot moved them.
  await refreshTicket(deps, write.ticketId);
  // A reply may be the first response: the SLA fields move to met now, not at the next sync.
  await deriveTickets(deps.db, [write.ticketId]);
}

function isFinal(error: unknown): boolean {
  if (error instanceof Refused) return true;
  // A 4xx other than 429 is HubSpot refusing this request: sending it again gets the same answer.
  return error instanceof HubSpotError && ["BAD_REQUEST", "NOT_FOUND", "UNAUTHORIZED", "FORBIDDEN", "CONFLICT"].includes(error.code);
}

function describe(error: unknown): string {
  if (error instanceof Refused) return error.message;
  if (error instanceof HubSpotError) {
    const what: Record<HubSpotError["code"], string> = {
      NOT_FOUND: "HubSpot does not know this ticket or thread",
      RATE_LIMITED: "HubSpot's rate limit",
      UNAUTHORIZED: "HubSpot refused the access token",
      FORBIDDEN: "HubSpot refused: the app lacks a permission",
      BAD_REQUEST: "HubSpot refused the request",
      CONFLICT: "HubSpot reported a conflict",
      SERVER_ERROR: "HubSpot had a server error",
      NETWORK: "The connection to HubSpot failed",
      TIMEOUT: "HubSpot did not answer in time",
      INVALID_RESPONSE: "HubSpot's answer was not understood",
    };
    return `${what[error.code]} (${error.message.replace(/^HubSpot /, "")})`.slice(0, 500);
  }
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
