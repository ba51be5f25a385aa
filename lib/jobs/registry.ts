import type { JobDefinition } from "@/lib/jobs/definition";
import { heartbeatJob } from "@/lib/jobs/heartbeat";
import { hubspotBackfillJob } from "@/lib/jobs/hubspot-backfill";
import { hubspotFetchNotesJob } from "@/lib/jobs/hubspot-notes";
import { hubspotReconcileJob } from "@/lib/jobs/hubspot-reconcile";
import { hubspotFetchThreadJob } from "@/lib/jobs/hubspot-thread";
import { hubspotApplyWebhooksJob } from "@/lib/jobs/hubspot-webhooks";
import { staleTicketsJob } from "@/lib/jobs/stale-tickets";
import { ticketsRederiveJob } from "@/lib/jobs/tickets-rederive";
import { hubspotWriteJob } from "@/lib/jobs/hubspot-write";
import { slackAlertsJob } from "@/lib/jobs/slack-alerts";
import { slackEventsJob } from "@/lib/jobs/slack-events";
import { slackReplyOutcomeJob } from "@/lib/jobs/slack-reply-outcome";
import { slackSyncJob } from "@/lib/jobs/slack-sync";

/** Every job the worker runs. */
export const jobs: JobDefinition[] = [
  heartbeatJob,
  hubspotBackfillJob,
  hubspotReconcileJob,
  hubspotApplyWebhooksJob,
  hubspotFetchThreadJob,
  hubspotFetchNotesJob,
  hubspotWriteJob,
  ticketsRederiveJob,
  staleTicketsJob,
  slackSyncJob,
  slackEventsJob,
  slackAlertsJob,
  slackReplyOutcomeJob,
];
