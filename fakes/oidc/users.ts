import { createHash } from "node:crypto";

export type DemoUser = { sub: string; email: string; name: string; description: string };

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: "demo-ada",
    email: "ada@flowforge.com",
    name: "Ada Admin",
    description: "Admin: approves seat requests and edits routing, triage and SLA settings",
  },
  {
    sub: "demo-max",
    email: "max@flowforge.com",
    name: "Max Member",
    description: "Member: works the support queue",
  },
];

const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;
// Deliberately loose: tests sign in with odd but valid addresses to exercise the app's own checks.
const EMAIL_SHAPE = /^[^\s@]+(@[^\s@]+)*@[^\s@]+$/;

export type AdHocResult = { ok: true; user: DemoUser } | { ok: false; error: string };

/** The accounts one provider instance knows: the configured users plus any created on the login page. */
export class AccountStore {
  private readonly adHoc = new Map<string, DemoUser>();

  constructor(readonly configured: readonly DemoUser[]) {}

  find(sub: string): DemoUser | undefined {
    return this.configured.find((user) => user.sub === sub) ?? this.adHoc.get(sub);
  }

  /**
   * Signs in as any email. One email is one account (case-insensitive): a configured user's email
   * gives that user back, and an ad-hoc email keeps the same `sub` across sign-ins and restarts.
   */
  signInAs(rawEmail: string, rawName: string): AdHocResult {
    const email = rawEmail.trim();
    if (email.length === 0) return { ok: false, error: "Enter an email address." };
    if (email.length > MAX_EMAIL_LENGTH || !EMAIL_SHAPE.test(email)) {
      return { ok: false, error: "Enter an email address such as someone@example.com." };
    }

    const key = email.toLowerCase();
    const known = this.configured.find((user) => user.email.toLowerCase() === key);
    if (known) return { ok: true, user: known };

    const user: DemoUser = {
      sub: `adhoc-${createHash("sha256").update(key).digest("base64url").slice(0, 22)}`,
      email,
      name: rawName.trim().slice(0, MAX_NAME_LENGTH) || email.slice(0, email.lastIndexOf("@")),
      description: "Ad-hoc test account",
    };
    this.adHoc.set(user.sub, user);
    return { ok: true, user };
  }
}
