import { fromPrisma, type PgBoss } from "pg-boss";
import { AppError } from "@/lib/errors";
import { Prisma, type HubSpotWrite, type PrismaClient } from "@/lib/generated/prisma/client";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import type { WritePayload } from "@/lib/outbox/payload";

// The outbox's front door: the intent and its queue job commit together or not at all, so a write
// is never lost (a job without its intent, or an intent nobody will deliver) and never doubled (a
// form submitted twice stores one intent, found by its idempotency key).

/** A busy web instance may wait a while for a connection; the default 2 s gives up too soon. */
const TRANSACTION = { maxWait: 10_000, timeout: 15_000 };

export type WriteIntent = WritePayload & {
  ticketId: string;
  author: { id: string | null; name: string };
  /** One per submission of a form (or per inbound event, e.g. a Slack event id). */
  idempotencyKey: string;
};

export async function enqueueWrite(db: PrismaClient, boss: PgBoss, intent: WriteIntent): Promise<{ write: HubSpotWrite; created: boolean }> {
  const existing = await db.hubSpotWrite.findUnique({ where: { idempotencyKey: intent.idempotencyKey } });
  if (existing) return { write: sameIntent(existing, intent), created: false };
  try {
    const write = await db.$transaction(async (tx) => {
      const created = await tx.hubSpotWrite.create({
        data: {
          kind: intent.kind,
          ticketId: intent.ticketId,
          payload: intent.payload as Prisma.InputJsonObject,
          idempotencyKey: intent.idempotencyKey,
          authorId: intent.author.id,
          authorName: intent.author.name,
        },
      });
      await boss.send(HUBSPOT_QUEUES.write.name, { writeId: created.id }, { db: fromPrisma(tx) });
      return created;
    }, TRANSACTION);
    return { write, created: true };
  } catch (error) {
    // The same submission raced itself (two requests at once): the other one stored it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const stored = await db.hubSpotWrite.findUnique({ where: { idempotencyKey: intent.idempotencyKey } });
      if (stored) return { write: sameIntent(stored, intent), created: false };
    }
    throw error;
  }
}

function sameIntent(stored: HubSpotWrite, intent: WriteIntent): HubSpotWrite {
  if (stored.ticketId !== intent.ticketId || stored.kind !== intent.kind) {
    throw new AppError("CONFLICT", "This form was already used for another change. Reload the page and try again.");
  }
  return stored;
}

/** How long a write may sit PENDING without a worker on it before a person may push it again. */
export const STUCK_AFTER_MS = 10 * 60_000;

/**
 * Queues a FAILED write again (or one stuck PENDING with no worker on it), as a new round of
 * attempts. It keeps its id, reference and first-attempt time, so delivery looks for it in HubSpot
 * before writing: a retry never makes a second note or message.
 */
export async function requeueWrite(
  db: PrismaClient,
  boss: PgBoss,
  writeId: string,
  options: { overwrite?: boolean; now?: Date } = {},
): Promise<HubSpotWrite> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const write = await tx.hubSpotWrite.findUnique({ where: { id: writeId } });
    if (!write) throw new AppError("NOT_FOUND", "That write does not exist.");
    if (!canRequeue(write, now)) {
      throw new AppError("CONFLICT", write.status === "SENT" ? "It has already reached HubSpot." : "It is being delivered right now.");
    }
    const payload =
      write.kind === "TICKET_UPDATE" && options.overwrite ? { ...(write.payload as Prisma.JsonObject), overwrite: true } : (write.payload as Prisma.JsonObject);
    const updated = await tx.hubSpotWrite.updateMany({
      where: { id: writeId, status: write.status, updatedAt: write.updatedAt },
      data: { status: "PENDING", attempts: 0, lockedUntil: null, payload },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Someone else just retried it.");
    await boss.send(HUBSPOT_QUEUES.write.name, { writeId }, { db: fromPrisma(tx) });
    return tx.hubSpotWrite.findUniqueOrThrow({ where: { id: writeId } });
  }, TRANSACTION);
}

export function canRequeue(write: Pick<HubSpotWrite, "status" | "lockedUntil" | "lastAttemptAt" | "createdAt">, now: Date): boolean {
  if (write.status === "FAILED") return true;
  if (write.status !== "PENDING") return false;
  if (write.lockedUntil && write.lockedUntil > now) return false;
  return now.getTime() - (write.lastAttemptAt ?? write.createdAt).getTime() > STUCK_AFTER_MS;
}
