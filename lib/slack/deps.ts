import type { Clock } from "@/lib/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SlackClient } from "@/lib/integrations/slack/client";

/** What the Slack integration works with; the worker passes the process's own, tests their own. */
export interface SlackDeps {
  db: PrismaClient;
  slack: SlackClient;
  clock: Clock;
  settings: SlackSettings;
  log?: (line: string) => void;
}

export interface SlackSettings {
  /** SLACK_CHANNEL: a name (#support-tickets) or an id. */
  channel: string;
  /** The dashboard's public URL (NEXTAUTH_URL), for links to tickets. */
  appUrl: string;
  /** Links into HubSpot: the ticket id is appended (lib/integrations/hubspot/links.ts); none: no link. */
  hubspotTicketUrlBase?: string;
  /** Slack users with an email in these domains are the team (ALLOWED_EMAIL_DOMAINS). */
  teamDomains: string[];
}

export function dashboardTicketUrl(settings: Pick<SlackSettings, "appUrl">, ticketId: string): string {
  return `${settings.appUrl.replace(/\/+$/, "")}/tickets/${encodeURIComponent(ticketId)}`;
}

