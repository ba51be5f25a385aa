import { TEAM as HUBSPOT_TEAM } from "../hubspot/data/catalogue";
import { DEMO_USERS } from "../oidc/users";

// The simulated workspace as it starts: FlowForge's team, its members (the HubSpot simulator's
// owners and the demo sign-in users, with the same emails, so the app can match people across
// services), the Support Desk app's bot, another app's bot, a guest, and the channels.

export interface TeamInfo {
  id: string;
  name: string;
  domain: string;
  /** The numeric part Slack puts in trigger ids. */
  number: string;
}

export interface AppInfo {
  id: string;
  botId: string;
  botUserId: string;
  name: string;
}

export interface UserRecord {
  id: string;
  /** The handle (Slack's `name`). */
  name: string;
  realName: string;
  email?: string;
  isBot: boolean;
  /** For bot users: their bot id. */
  botId?: string;
  appId?: string;
  isAdmin: boolean;
  /** A guest account. */
  isRestricted: boolean;
  deleted: boolean;
  title: string;
}

export interface ChannelRecord {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  /** Seconds since the epoch. */
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  members: Set<string>;
}

export const TEAM: TeamInfo = { id: "T05FLWFRG1", name: "FlowForge", domain: "flowforge", number: "5213077420" };

export const APP: AppInfo = { id: "A06SUPDESK", botId: "B06SUPDESK", botUserId: "U06SUPDESK", name: "Support Desk" };

/** Another installed app, whose posts the Support Desk must ignore. */
export const OTHER_BOT = { id: "B02GITHUB1", userId: "U02GITHUB1", appId: "A02GITHUB1", name: "GitHub" } as const;

export const DEFAULT_CHANNEL = "support-tickets";

// Fixed, so that ids stay valid across restarts and resets of the simulator.
const CREATED = Math.floor(Date.parse("2023-01-09T09:00:00Z") / 1000);

export function seedUsers(): UserRecord[] {
  const person = (id: string, realName: string, email: string, extra: Partial<UserRecord> = {}): UserRecord => ({
    id,
    name: email.slice(0, email.indexOf("@")),
    realName,
    email,
    isBot: false,
    isAdmin: false,
    isRestricted: false,
    deleted: false,
    title: "",
    ...extra,
  });
  const team = HUBSPOT_TEAM.map((m, i) =>
    person(`U0FF${String(i + 1).padStart(2, "0")}${m.firstName.toUpperCase().slice(0, 4)}`, `${m.firstName} ${m.lastName}`, m.email, { title: "Support Engineer" }),
  );
  const demo = DEMO_USERS.map((u, i) =>
    person(`U0FD${String(i + 1).padStart(2, "0")}${u.name.toUpperCase().replace(/[^A-Z]/g, "").slice(0, 4)}`, u.name, u.email, { isAdmin: u.sub === "demo-ada" }),
  );
  const bot = (id: string, name: string, realName: string, botId: string, appId: string): UserRecord => ({
    id,
    name,
    realName,
    isBot: true,
    botId,
    appId,
    isAdmin: false,
    isRestricted: false,
    deleted: false,
    title: "",
  });
  return [
    ...team,
    ...demo,
    person("U0GUEST001", "Sam Guest", "sam@partner.example", { isRestricted: true, title: "Contractor" }),
    bot(APP.botUserId, "support-desk", APP.name, APP.botId, APP.id),
    bot(OTHER_BOT.userId, "github", OTHER_BOT.name, OTHER_BOT.id, OTHER_BOT.appId),
  ];
}

export function seedChannels(users: readonly UserRecord[], extraChannelNames: readonly string[] = []): ChannelRecord[] {
  const everyone = users.filter((u) => !u.isBot).map((u) => u.id);
  const admin = users.find((u) => u.isAdmin)?.id ?? everyone[0]!;
  const channel = (id: string, name: string, purpose: string, botIsMember: boolean): ChannelRecord => ({
    id,
    name,
    isPrivate: false,
    isArchived: false,
    created: CREATED,
    creator: admin,
    topic: "",
    purpose,
    members: new Set([...everyone, ...(botIsMember ? [APP.botUserId] : [])]),
  });
  const channels = [
    channel("C05SUPTIX1", DEFAULT_CHANNEL, "A message for every customer ticket; comment in the thread to add a note.", true),
    // The app is not a member here: posting answers not_in_channel, and no events arrive from it.
    channel("C05GENERAL", "general", "Company-wide announcements.", false),
  ];
  for (const [i, name] of extraChannelNames.entries()) {
    if (!channels.some((c) => c.name === name)) channels.push(channel(`C05EXTRA${String(i + 1).padStart(2, "0")}`, name, "", true));
  }
  return channels;
}
