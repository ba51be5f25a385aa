import type { SlackUser } from "@/lib/generated/prisma/client";
import type { SlackDeps } from "@/lib/slack/deps";
import { ownerIdOf } from "@/lib/tickets/reply-context";

// Who wrote in Slack, as the team knows them: Slack's profile email matched to the team's email
// domains, to a Support Desk user and to a HubSpot owner. Profiles are kept for a day.

const PROFILE_TTL_MS = 24 * 60 * 60_000;

export interface TeamMember {
  slackUserId: string;
  name: string;
  email: string;
  /** The Support Desk user with this email, once they signed in. */
  userId: string | null;
  /** Their HubSpot owner, when they have one: their notes are theirs in HubSpot too. */
  ownerId: string | null;
}

export type TeamCheck = { member: TeamMember } | { member: null; reason: string };

/** A Slack user's profile, from the cache or users.info. */
export async function slackUser(deps: Pick<SlackDeps, "db" | "slack" | "clock">, slackUserId: string): Promise<SlackUser> {
  const now = deps.clock.now();
  const cached = await deps.db.slackUser.findUnique({ where: { id: slackUserId } });
  if (cached && now - cached.fetchedAt.getTime() < PROFILE_TTL_MS) return cached;
  const info = await deps.slack.userInfo(slackUserId);
  const email = info.profile.email?.toLowerCase() ?? null;
  const user = email ? await deps.db.user.findUnique({ where: { email }, select: { id: true } }) : null;
  const fields = {
    teamId: info.team_id ?? "",
    email,
    name: info.profile.real_name || info.real_name || info.profile.display_name || info.name,
    isBot: Boolean(info.is_bot || info.is_app_user || info.deleted),
    isGuest: Boolean(info.is_restricted || info.is_ultra_restricted),
    userId: user?.id ?? null,
    fetchedAt: new Date(now),
  };
  return deps.db.slackUser.upsert({ where: { id: slackUserId }, create: { id: slackUserId, ...fields }, update: fields });
}

/** The Slack user as a member of the team, or why they are not one (a guest, another domain, removed). */
export async function teamMember(deps: Pick<SlackDeps, "db" | "slack" | "clock" | "settings">, slackUserId: string): Promise<TeamCheck> {
  const person = await slackUser(deps, slackUserId);
  if (person.isBot) return { member: null, reason: `${person.name} is a bot or a deactivated account` };
  if (person.isGuest) return { member: null, reason: `${person.name} is a guest in Slack` };
  if (!person.email) return { member: null, reason: `${person.name} has no email address Slack shares with the app` };
  const domain = person.email.split("@")[1] ?? "";
  if (!deps.settings.teamDomains.includes(domain)) return { member: null, reason: `${person.email} is not in the team's email domains` };
  const user = await deps.db.user.findUnique({ where: { email: person.email }, select: { id: true, disabledAt: true } });
  if (user?.disabledAt) return { member: null, reason: `${person.email} was removed from Support Desk` };
  return {
    member: {
      slackUserId,
      name: person.name,
      email: person.email,
      userId: user?.id ?? null,
      ownerId: await ownerIdOf(deps.db, person.email),
    },
  };
}

/** A mention of the person with this email when they are in Slack, else null. */
export async function mentionByEmail(deps: Pick<SlackDeps, "db" | "slack" | "clock">, email: string): Promise<string | null> {
  const lower = email.toLowerCase();
  const known = await deps.db.slackUser.findFirst({ where: { email: lower, isBot: false }, orderBy: { fetchedAt: "desc" } });
  if (known) return `<@${known.id}>`;
  const found = await deps.slack.userByEmail(lower);
  if (!found || found.deleted) return null;
  await slackUser(deps, found.id);
  return `<@${found.id}>`;
}
