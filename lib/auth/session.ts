import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/auth/access";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/**
 * The signed-in user as Postgres knows them now, or null. The session token only says who
 * signed in; a user removed since then is refused here, on the very next request.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id } });
  if (!user || user.disabledAt) return null;
  const signedInAt = session.user?.signedInAt ?? 0;
  if (user.sessionsRevokedAt && signedInAt < user.sessionsRevokedAt.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user with at least `role`, or an AppError (UNAUTHENTICATED / FORBIDDEN). */
export async function requireUser(role: Role = "MEMBER"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  if (role === "ADMIN" && user.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins can do this.");
  return user;
}
