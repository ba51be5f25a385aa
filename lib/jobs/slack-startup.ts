import type { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";

/**
 * At worker start: alerts every minute, a catch-up of the tickets' messages every minute (a safety
 * net under the sync jobs' own nudges) and one now. Without SLACK_BOT_TOKEN, nothing is scheduled.
 */
export async function startSlackJobs(boss: PgBoss): Promise<string> {
  const settings = env();
  if (!settings.SLACK_BOT_TOKEN) {
    await boss.unschedule(SLACK_QUEUES.sync.name);
    await boss.unschedule(SLACK_QUEUES.alerts.name);
    return "Slack off (no SLACK_BOT_TOKEN)";
  }
  await boss.schedule(SLACK_QUEUES.sync.name, "* * * * *", {});
  await boss.schedule(SLACK_QUEUES.alerts.name, "* * * * *", {});
  await boss.send(SLACK_QUEUES.sync.name, {});
  await boss.send(SLACK_QUEUES.events.name, {});
  return `Slack on (${settings.SLACK_SIMULATOR ? "simulator" : settings.SLACK_API_URL}, channel ${settings.SLACK_CHANNEL})`;
}
