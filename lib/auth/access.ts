/** Pure sign-in policy: who gets in and with which role. */

export type Role = "MEMBER" | "ADMIN";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at === -1 ? "" : normalizeEmail(email.slice(at + 1));
}

/** Exact domain match only: `evil-flowforge.com` or `flowforge.com.evil.io` never pass. */
export function isAllowedEmail(email: string, allowedDomains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== "" && allowedDomains.includes(domain);
}

export function isConfiguredAdmin(email: string, adminEmails: readonly string[]): boolean {
  return adminEmails.includes(normalizeEmail(email));
}
