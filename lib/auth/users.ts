import { db } from "@/lib/db";
import type { Env } from "@/lib/env";
import { isAllowedEmail, isConfiguredAdmin, normalizeEmail } from "@/lib/auth/access";

interface Identity {
  email: string;
  name: string | null;
}

/**
 * Admits or refuses a sign-in and records the user. Returns null when the user may not get in:
 * outside the allowed domains, or removed by an admin. Configured admins are always admins.
 */
export async function recordSignIn(identity: Identity, settings: Pick<Env, "ALLOWED_EMAIL_DOMAINS" | "ADMIN_EMAILS">) {
  const email = normalizeEmail(identity.email);
  if (!isAllowedEmail(email, settings.ALLOWED_EMAIL_DOMAINS)) return null;
  const existing = await db().user.findUnique({ where: { email } });
  if (existing?.disabledAt) return null;
  const configuredAdmin = isConfiguredAdmin(email, settings.ADMIN_EMAILS);
  return db().user.upsert({
    where: { email },
    create: { email, name: identity.name, role: configuredAdmin ? "ADMIN" : "MEMBER", lastLoginAt: new Date() },
    update: {
      name: identity.name ?? existing?.name ?? null,
      lastLoginAt: new Date(),
      ...(configuredAdmin ? { role: "ADMIN" as const } : {}),
    },
  });
}

export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: normalizeEmail(email) } });
}
