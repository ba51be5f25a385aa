import { env } from "@/lib/env";
import type { JobContext, QueueSettings } from "@/lib/jobs/definition";

// The Slack queues, apart from their handlers so that the web app and the sync jobs can queue work
// without loading the integration. "stately": at most one job waiting and one running, so a burst
// of sync changes or events queues one run, and runs never overlap (a thread's posts stay in order).

export const SLACK_QUEUES = {
  /** Posts new tickets and customer messages, edits tickets' messages (lib/slack/ticket-threads.ts). */
  sync: {
    name: "slack-sync",
    settings: { policy: "stately", retryLimit: 20, retryDelay: 10, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 1800, heartbeatSeconds: 30, deleteAfterSeconds: 3600 },
  },
  /** Applies stored Slack events: thread comments become notes (lib/slack/events.ts). */
  events: {
    name: "slack-events",
    settings: { policy: "stately", retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 600, heartbeatSeconds: 30, deleteAfterSeconds: 3600 },
  },
  /** Stale, due-soon and breach alerts, every minute (lib/slack/alerts.ts). */
  alerts: {
    name: "slack-alerts",
    settings: { policy: "stately", retryLimit: 2, retryDelay: 10, expireInSeconds: 900, heartbeatSeconds: 30, deleteAfterSeconds: 3600 },
  },
  /** Tells a thread what a reply from Slack sent, once the outbox settled it; retried while it is pending. */
  replyOutcome: {
    name: "slack-reply-outcome",
    settings: { retryLimit: 60, retryDelay: 2, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 300, deleteAfterSeconds: 86_400 },
  },
} as const satisfies Record<string, { name: string; settings: QueueSettings }>;

/**
 * Called by the HubSpot sync jobs after they stored changes: Slack catches up now rather than at
 * its next minute. Does nothing while Slack is not configured.
 */
export async function queueSlackSync(send: JobContext["send"]): Promise<void> {
  if (env().SLACK_BOT_TOKEN) await send(SLACK_QUEUES.sync.name, {});
}
