"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { setRemovedInput, setRoleInput } from "@/lib/actions/team-schema";
import { isConfiguredAdmin } from "@/lib/auth/access";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

async function targetOf(userId: string, actorId: string) {
  if (userId === actorId) throw new AppError("CONFLICT", "You cannot change your own access; ask another admin.");
  const target = await db().user.findUnique({ where: { id: userId } });
  if (!target) throw new AppError("NOT_FOUND", "That team member no longer exists.");
  if (isConfiguredAdmin(target.email, env().ADMIN_EMAILS)) {
    throw new AppError("CONFLICT", `${target.email} is an admin through the ADMIN_EMAILS setting; change it there.`);
  }
  return target;
}

export const setRole = safeAction({ role: "ADMIN", input: setRoleInput }, async ({ userId, role }, { user }) => {
  await targetOf(userId, user.id);
  await db().user.update({ where: { id: userId }, data: { role } });
  revalidatePath("/team");
  return { userId, role };
});

export const setRemoved = safeAction({ role: "ADMIN", input: setRemovedInput }, async ({ userId, removed }, { user }) => {
  await targetOf(userId, user.id);
  await db().user.update({
    where: { id: userId },
    data: removed ? { disabledAt: new Date(), sessionsRevokedAt: new Date() } : { disabledAt: null },
  });
  revalidatePath("/team");
  return { userId, removed };
});
