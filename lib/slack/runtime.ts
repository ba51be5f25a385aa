import { systemClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { hubspotTicketUrlBase } from "@/lib/integrations/hubspot/links";
import { SlackClient } from "@/lib/integrations/slack/client";
import type { SlackDeps, SlackSettings } from "@/lib/slack/deps";

// The process's Slack integration, from the settings: one client, so that every job and route of
// a process shares it. Null when SLACK_BOT_TOKEN is not set (nothing is posted then).

let client: SlackClient | undefined;

export function slackSettings(settings: Env): SlackSettings {
  const hubspotBase = hubspotTicketUrlBase(settings);
  return {
    channel: settings.SLACK_CHANNEL,
    appUrl: settings.NEXTAUTH_URL,
    ...(hubspotBase ? { hubspotTicketUrlBase: hubspotBase } : {}),
    teamDomains: settings.ALLOWED_EMAIL_DOMAINS,
  };
}

export function slackDeps(): SlackDeps | null {
  const settings = env();
  if (!settings.SLACK_BOT_TOKEN) return null;
  const log = (line: string) => console.log(`slack: ${line}`);
  client ??= new SlackClient({ token: settings.SLACK_BOT_TOKEN, apiUrl: settings.SLACK_API_URL, log });
  return { db: db(), slack: client, clock: systemClock, settings: slackSettings(settings), log };
}
