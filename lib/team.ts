import { db } from "@/lib/db";

/** Team members for the team screen: active first, then by name. */
export async function listTeam() {
  const users = await db().user.findMany({ orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }] });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    removed: user.disabledAt !== null,
    lastLoginAt: user.lastLoginAt,
  }));
}

export type TeamMember = Awaited<ReturnType<typeof listTeam>>[number];
