"use server";

import { revalidatePath } from "next/cache";
import { recordDocsGapInput, resolveDocsGapInput } from "@/lib/actions/docs-gaps-schema";
import { safeAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** "No article exists for this", from a ticket's composer. */
export const recordDocsGap = safeAction({ role: "MEMBER", input: recordDocsGapInput }, async ({ ticketId, topic, suggested }, { user }) => {
  if (ticketId && !(await db().ticket.findUnique({ where: { id: ticketId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "This ticket does not exist.");
  }
  const gap = await db().docsGap.create({
    data: { ticketId, topic, suggested, reportedById: user.id, reportedByName: user.name ?? user.email },
  });
  revalidatePath("/docs-gaps");
  return { id: gap.id };
});

/** Someone wrote the article (or decided none is needed). */
export const resolveDocsGap = safeAction({ role: "MEMBER", input: resolveDocsGapInput }, async ({ id, articleUrl }, { user }) => {
  const { count } = await db().docsGap.updateMany({
    where: { id, status: "OPEN" },
    data: { status: "RESOLVED", resolvedById: user.id, resolvedAt: new Date(), articleUrl },
  });
  if (count === 0) throw new AppError("CONFLICT", "This gap is already resolved, or no longer exists.");
  revalidatePath("/docs-gaps");
  return { id };
});
