"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { deleteSavedReplyInput, saveSavedReplyInput } from "@/lib/actions/saved-replies-schema";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Saved replies: every member uses them in the composer; only admins change them.

export const saveSavedReply = safeAction({ role: "ADMIN", input: saveSavedReplyInput }, async ({ id, title, body }, { user }) => {
  try {
    const saved = id
      ? await db().savedReply.update({ where: { id }, data: { title, body, updatedById: user.id } })
      : await db().savedReply.create({ data: { title, body, updatedById: user.id } });
    revalidatePath("/saved-replies");
    return { id: saved.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `A saved reply is already called “${title}”.`);
    }
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
      throw new AppError("NOT_FOUND", "This saved reply was deleted meanwhile.");
    }
    throw error;
  }
});

export const deleteSavedReply = safeAction({ role: "ADMIN", input: deleteSavedReplyInput }, async ({ id }) => {
  await db().savedReply.deleteMany({ where: { id } });
  revalidatePath("/saved-replies");
  return { id };
});
