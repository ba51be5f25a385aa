import type { SlackChannel } from "@/lib/generated/prisma/client";
import type { SlackDeps } from "@/lib/slack/deps";

// The channel SLACK_CHANNEL names, resolved to its id once and kept with the app's own ids. The
// first time also fixes `startedAt`: what happened in HubSpot before it is history, not news.

const CHANNEL_ID = /^[CG][A-Z0-9]{8,}$/;

export class SlackSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlackSetupError";
  }
}

export async function slackChannel(deps: Pick<SlackDeps, "db" | "slack" | "clock" | "settings">): Promise<SlackChannel> {
  const wanted = deps.settings.channel.replace(/^#/, "");
  const byId = CHANNEL_ID.test(wanted);
  const known = await deps.db.slackChannel.findFirst({ where: byId ? { id: wanted } : { name: wanted } });
  if (known) return known;

  const auth = await deps.slack.authTest();
  const channel = byId ? await deps.slack.channelInfo(wanted) : await deps.slack.findChannel(wanted);
  if (!channel) throw new SlackSetupError(`Slack has no channel #${wanted} that the app can see: create it and invite the app (SLACK_CHANNEL).`);
  if (channel.is_member === false) throw new SlackSetupError(`The Slack app is not in #${channel.name}: invite it (/invite @Support Desk).`);
  const ids = { name: channel.name, teamId: auth.team_id, botUserId: auth.user_id, botId: auth.bot_id ?? "" };
  // A renamed channel keeps its id and its start.
  return deps.db.slackChannel.upsert({
    where: { id: channel.id },
    create: { id: channel.id, ...ids, startedAt: new Date(deps.clock.now()) },
    update: ids,
  });
}
