import type { SlackAlert, SlackAlertKind } from "@/lib/generated/prisma/client";
import { alertMessage } from "@/lib/integrations/slack/messages";
import { loadSlaConfig } from "@/lib/queue/load-config";
import { calendarFor, DEFAULT_CALENDAR_KEY } from "@/lib/queue/sla-config";
import { storedSlaStatus } from "@/lib/queue/sla-filter";
import { isWithinBusinessHours } from "@/lib/sla/business-hours";
import { slackChannel } from "@/lib/slack/channel";
import { hubspotTicketUrl } from "@/lib/integrations/hubspot/links";
import { dashboardTicketUrl, type SlackDeps } from "@/lib/slack/deps";
import { mentionByEmail } from "@/lib/slack/people";
import { postOnce } from "@/lib/slack/post-once";

// Alerts in #support-tickets: a ticket gone stale (the stale finder's periods, lib/queue/
// stale-alerts.ts), a first response due soon (SLA settings' "due soon", default one business hour
// before), a first response breached. Each is recorded once under its key when detected, and
// posted once, during business hours: what is detected while closed waits for the next opening,
// and is dropped instead if it no longer applies by then (answered, updated, closed).
//
// Only what happens after Slack was connected is news: a ticket already stale or overdue then is
// in the dashboard's views, not in a burst of old alerts.

export interface AlertRun {
  detected: number;
  posted: number;
  dropped: number;
  /** Collected outside business hours, for the next opening. */
  waiting: number;
}

export async function runSlackAlerts(deps: SlackDeps): Promise<AlertRun> {
  const now = new Date(deps.clock.now());
  const detected = await detectAlerts(deps, now);
  const config = await loadSlaConfig(deps.db);
  const pending = await deps.db.slackAlert.findMany({ where: { postedAt: null, droppedAt: null }, orderBy: [{ detectedAt: "asc" }, { key: "asc" }] });
  if (!isWithinBusinessHours(now, calendarFor(config, DEFAULT_CALENDAR_KEY))) return { detected, posted: 0, dropped: 0, waiting: pending.length };

  const run: AlertRun = { detected, posted: 0, dropped: 0, waiting: 0 };
  for (const alert of pending) {
    const reason = await noLongerApplies(deps, alert, now, config);
    if (reason) {
      await deps.db.slackAlert.update({ where: { id: alert.id }, data: { droppedAt: now, dropReason: reason } });
      run.dropped += 1;
      continue;
    }
    await postAlert(deps, alert, config);
    run.posted += 1;
  }
  return run;
}

/** Records the alerts due now (once each, by key); returns how many are new. */
async function detectAlerts(deps: SlackDeps, now: Date): Promise<number> {
  const { db } = deps;
  const { startedAt } = await slackChannel(deps);
  const stale = await db.staleAlert.findMany({
    where: { postedAt: null, slackAlert: null, staleSince: { gte: startedAt }, ticket: { isOpen: true } },
    select: { id: true, ticketId: true, periodKey: true },
  });
  // The SLA moved past a threshold since Slack was connected, with no response yet.
  const overdue = await db.$queryRaw<{ id: string; dueAt: Date; kind: SlackAlertKind }[]>`
    SELECT t.id, t.first_response_due_at AS "dueAt", 'DUE_SOON'::"SlackAlertKind" AS kind
    FROM tickets t
    WHERE t.is_open AND t.sla_applies AND (t.first_response_at IS NULL OR t.first_response_at > ${now}::timestamptz)
      AND t.sla_due_soon_at <= ${now}::timestamptz AND t.sla_due_soon_at >= ${startedAt}::timestamptz AND t.sla_breach_at >= ${now}::timestamptz
    UNION ALL
    SELECT t.id, t.first_response_due_at, 'BREACHED'::"SlackAlertKind"
    FROM tickets t
    WHERE t.is_open AND t.sla_applies AND (t.first_response_at IS NULL OR t.first_response_at > ${now}::timestamptz)
      AND t.sla_breach_at < ${now}::timestamptz AND t.sla_breach_at >= ${startedAt}::timestamptz`;
  const rows = [
    ...stale.map((alert) => ({ key: `stale:${alert.periodKey}`, kind: "STALE" as const, ticketId: alert.ticketId, staleAlertId: alert.id, detectedAt: now })),
    ...overdue.map((ticket) => ({
      key: `${ticket.kind === "DUE_SOON" ? "due-soon" : "breached"}:${ticket.id}:${ticket.dueAt.toISOString()}`,
      kind: ticket.kind,
      ticketId: ticket.id,
      dueAt: ticket.dueAt,
      detectedAt: now,
    })),
  ];
  if (rows.length === 0) return 0;
  return (await db.slackAlert.createMany({ data: rows, skipDuplicates: true })).count;
}

type Config = Awaited<ReturnType<typeof loadSlaConfig>>;

async function noLongerApplies(deps: SlackDeps, alert: SlackAlert, now: Date, config: Config): Promise<string | null> {
  const ticket = await deps.db.ticket.findUnique({ where: { id: alert.ticketId } });
  if (!ticket || !ticket.isOpen) return "the ticket is closed";
  if (alert.kind === "STALE") {
    const period = alert.staleAlertId ? await deps.db.staleAlert.findUnique({ where: { id: alert.staleAlertId } }) : null;
    return period && period.lastUpdatedAt.getTime() === ticket.hsLastModifiedAt.getTime() ? null : "the ticket was updated since";
  }
  const sla = storedSlaStatus(ticket, config, now);
  if (sla.dueAt?.getTime() !== alert.dueAt?.getTime()) return "the due time changed";
  if (alert.kind === "DUE_SOON") return sla.state === "due_soon" || sla.state === "paused" ? null : `the first response is ${sla.state.replace("_", " ")}`;
  return sla.state === "breached" ? null : `the first response is ${sla.state.replace("_", " ")}`;
}

async function postAlert(deps: SlackDeps, alert: SlackAlert, config: Config): Promise<void> {
  const { db, settings } = deps;
  const channel = await slackChannel(deps);
  const ticket = await db.ticket.findUniqueOrThrow({ where: { id: alert.ticketId } });
  const owner = ticket.ownerId ? await db.owner.findUnique({ where: { id: ticket.ownerId } }) : null;
  const ownerName = owner ? [owner.firstName, owner.lastName].filter(Boolean).join(" ") || owner.email || `owner ${owner.id}` : null;
  const mention = owner?.email ? await mentionByEmail(deps, owner.email) : null;
  const parent = await db.slackMessage.findUnique({ where: { key: `ticket:${ticket.id}` }, select: { permalink: true } });
  const calendar = calendarFor(config, DEFAULT_CALENDAR_KEY);
  await postOnce(deps, {
    key: `alert:${alert.key}`,
    kind: "ALERT",
    ticketId: ticket.id,
    channelId: channel.id,
    content: alertMessage({
      kind: alert.kind,
      ticket: { id: ticket.id, subject: ticket.subject, links: { dashboard: dashboardTicketUrl(settings, ticket.id), hubspot: hubspotTicketUrl(settings.hubspotTicketUrlBase, ticket.id) } },
      owner: mention ?? ownerName,
      dueAt: alert.dueAt,
      lastUpdatedAt: alert.kind === "STALE" ? ticket.hsLastModifiedAt : null,
      threadLink: parent?.permalink ?? null,
      detectedOutOfHours: isWithinBusinessHours(alert.detectedAt, calendar) ? null : alert.detectedAt,
    }),
  });
  const postedAt = new Date(deps.clock.now());
  await db.$transaction([
    db.slackAlert.update({ where: { id: alert.id }, data: { postedAt } }),
    ...(alert.staleAlertId ? [db.staleAlert.update({ where: { id: alert.staleAlertId }, data: { postedAt } })] : []),
  ]);
}
