import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatCount, formatDuration, formatInstant } from "@/lib/format";
import { isStale, readLatestTickets, readSyncHealth, readTicketCounts, type RunSummary, type SyncHealth } from "@/lib/sync/health";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TimeAgo } from "@/components/ui/time-ago";
import { AutoRefresh } from "./auto-refresh";
import { ResyncControls } from "./resync-controls";

export const metadata: Metadata = { title: "Sync health" };

const sectionHeading = "mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600";

export default async function SyncPage() {
  const user = await pageUser();
  const settings = env();
  const now = new Date();
  const configured = Boolean(settings.HUBSPOT_ACCESS_TOKEN);
  const [health, counts, latest] = await Promise.all([readSyncHealth(db(), now), readTicketCounts(db()), readLatestTickets(db())]);
  const stale = isStale(health.lastSuccessfulSyncAt, settings.HUBSPOT_STALE_MINUTES, now);
  const isAdmin = user.role === "ADMIN";

  return (
    <>
      <AutoRefresh seconds={10} />
      <PageHeader
        title="Sync health"
        description="How closely Support Desk follows HubSpot: the backfill, the reconciliation every few minutes, and webhooks in between."
      />
      {isAdmin && configured ? <ResyncControls ticketCount={counts.total} /> : null}
      {!configured ? (
        <EmptyState title="HubSpot is not connected">
          Set <code className="rounded bg-slate-100 px-1">HUBSPOT_ACCESS_TOKEN</code> (a private app token) and{" "}
          <code className="rounded bg-slate-100 px-1">HUBSPOT_CLIENT_SECRET</code>, then restart the worker. Without them, <code>npm start</code> runs a
          local HubSpot simulator instead.
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <StatusBanner health={health} stale={stale} staleMinutes={settings.HUBSPOT_STALE_MINUTES} simulator={settings.HUBSPOT_SIMULATOR} now={now} />
          <section aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading" className={sectionHeading}>
              Sync
            </h2>
            <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              <BackfillCard health={health} now={now} />
              <ReconcileCard health={health} minutes={settings.HUBSPOT_RECONCILE_MINUTES} now={now} />
              <WebhooksCard health={health} now={now} />
            </div>
          </section>
          <section aria-labelledby="data-heading">
            <h2 id="data-heading" className={sectionHeading}>
              Synced data
            </h2>
            <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="ticket-counts">
              <Figure label="Open tickets" value={counts.open} testId="count-open" />
              <Figure label="Closed tickets" value={counts.closed} testId="count-closed" />
              <Figure label="Contacts" value={counts.contacts} testId="count-contacts" />
              <Figure label="Companies" value={counts.companies} testId="count-companies" />
            </dl>
          </section>
          <LatestChanges latest={latest} now={now} />
          <Jobs health={health} now={now} />
          <Watermarks health={health} />
        </div>
      )}
    </>
  );
}

function StatusBanner({ health, stale, staleMinutes, simulator, now }: { health: SyncHealth; stale: boolean; staleMinutes: number; simulator: boolean; now: Date }) {
  const last = health.lastSuccessfulSyncAt;
  const tone = stale ? "border-amber-300 bg-amber-50 text-amber-950" : "border-emerald-300 bg-emerald-50 text-emerald-950";
  return (
    <div className={`rounded-lg border p-4 text-sm ${tone}`} data-testid="sync-status">
      <p className="font-semibold">
        {health.backfill.status === "NEVER"
          ? "Waiting for the first backfill"
          : stale
            ? `Data may be out of date: no successful sync in the last ${staleMinutes} minutes`
            : "Up to date with HubSpot"}
      </p>
      <p className="mt-1">
        {last ? (
          <>
            Last successful sync <TimeAgo date={last} now={now} />.
          </>
        ) : (
          "No sync has completed yet; the worker starts the backfill as soon as it runs."
        )}{" "}
        {simulator ? "The data comes from the local HubSpot simulator (demo mode)." : null}
      </p>
    </div>
  );
}

function Card({ title, badge, children, testId }: { title: string; badge: { tone: BadgeTone; text: string }; children: React.ReactNode; testId: string }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${testId}-title`} className="font-medium text-slate-900">
          {title}
        </h3>
        <span data-testid={`${testId}-status`}>
          <Badge tone={badge.tone}>{badge.text}</Badge>
        </span>
      </div>
      <dl className="mt-3 space-y-1.5 text-sm">{children}</dl>
    </article>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function ErrorText({ children }: { children: React.ReactNode }) {
  return <p className="mt-3 break-words rounded bg-red-50 p-2 text-xs text-red-800">{children}</p>;
}

function runBadge(run: RunSummary | null): { tone: BadgeTone; text: string } {
  if (!run) return { tone: "neutral", text: "Not run yet" };
  if (run.status === "RUNNING") return { tone: "info", text: "Running" };
  return run.status === "SUCCEEDED" ? { tone: "good", text: "OK" } : { tone: "bad", text: "Failed" };
}

function BackfillCard({ health, now }: { health: SyncHealth; now: Date }) {
  const { backfill } = health;
  const badge: { tone: BadgeTone; text: string } =
    backfill.status === "COMPLETED" ? { tone: "good", text: "Completed" } : backfill.status === "RUNNING" ? { tone: "info", text: "Running" } : { tone: "neutral", text: "Not started" };
  return (
    <Card title="Backfill" badge={badge} testId="backfill">
      {backfill.completedAt ? (
        <Row label="Completed">
          <TimeAgo date={backfill.completedAt} now={now} />
        </Row>
      ) : backfill.startedAt ? (
        <Row label="Started">
          <TimeAgo date={backfill.startedAt} now={now} />
        </Row>
      ) : null}
      {backfill.durationMs !== null ? <Row label="Took">{formatDuration(backfill.durationMs)}</Row> : null}
      <Row label="Tickets">
        <span data-testid="backfill-tickets">{formatCount(backfill.ticketsStored)}</span>
        {backfill.status === "RUNNING" && backfill.ticketsEstimated ? ` of about ${formatCount(backfill.ticketsEstimated)}` : null}
      </Row>
      {backfill.rangesPlanned > 0 && backfill.status === "RUNNING" ? (
        <Row label="Ranges done">
          {backfill.rangesDone} of {backfill.rangesPlanned}
        </Row>
      ) : null}
      {health.lastThreads ? (
        <Row label="Open-ticket threads">
          {formatCount(health.lastThreads.itemsSeen)} ({formatCount(health.lastThreads.requests)} requests)
        </Row>
      ) : null}
      {backfill.lastError && backfill.status !== "COMPLETED" ? <ErrorText>{backfill.lastError}</ErrorText> : null}
    </Card>
  );
}

function ReconcileCard({ health, minutes, now }: { health: SyncHealth; minutes: number; now: Date }) {
  const run = health.lastReconcile;
  return (
    <Card title="Reconciliation" badge={runBadge(run)} testId="reconcile">
      <Row label="Runs">every {minutes === 1 ? "minute" : `${minutes} minutes`}</Row>
      {run ? (
        <>
          <Row label="Last run">
            <TimeAgo date={run.startedAt} now={now} />
          </Row>
          {run.durationMs !== null ? <Row label="Took">{formatDuration(run.durationMs)}</Row> : null}
          <Row label="Changed / read">
            {formatCount(run.itemsChanged)} / {formatCount(run.itemsSeen)}
          </Row>
          <Row label="HubSpot requests">{formatCount(run.requests)}</Row>
        </>
      ) : (
        <Row label="Last run">starts after the backfill</Row>
      )}
      {health.lastDeletionSweepAt ? (
        <Row label="Deletions checked">
          <TimeAgo date={health.lastDeletionSweepAt} now={now} />
        </Row>
      ) : null}
      {run?.error ? <ErrorText>{run.error}</ErrorText> : null}
    </Card>
  );
}

function WebhooksCard({ health, now }: { health: SyncHealth; now: Date }) {
  const { webhooks } = health;
  const lagging = webhooks.lagMs > 60_000;
  const badge: { tone: BadgeTone; text: string } = !webhooks.lastReceivedAt
    ? { tone: "neutral", text: "None yet" }
    : lagging
      ? { tone: "warn", text: "Lagging" }
      : { tone: "good", text: "OK" };
  return (
    <Card title="Webhooks" badge={badge} testId="webhooks">
      <Row label="Last event">{webhooks.lastReceivedAt ? <TimeAgo date={webhooks.lastReceivedAt} now={now} /> : "none received"}</Row>
      {health.lastWebhooks?.finishedAt ? (
        <Row label="Last applied">
          <TimeAgo date={health.lastWebhooks.finishedAt} now={now} /> ({formatCount(health.lastWebhooks.itemsSeen)} events)
        </Row>
      ) : null}
      <Row label="Lag">{webhooks.unprocessed === 0 ? "none" : formatDuration(webhooks.lagMs)}</Row>
      <Row label="Waiting">{formatCount(webhooks.unprocessed)}</Row>
      {webhooks.gaveUp > 0 ? <Row label="Given up">{formatCount(webhooks.gaveUp)}</Row> : null}
      {webhooks.recentErrors[0] ? (
        <ErrorText>
          {webhooks.recentErrors[0].type} ({webhooks.recentErrors[0].attempts} attempts): {webhooks.recentErrors[0].error}
        </ErrorText>
      ) : null}
    </Card>
  );
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {formatCount(value)}
      </dd>
    </div>
  );
}

function LatestChanges({ latest, now }: { latest: Awaited<ReturnType<typeof readLatestTickets>>; now: Date }) {
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading" className={sectionHeading}>
        Latest changes from HubSpot
      </h2>
      {latest.length === 0 ? (
        <EmptyState title="No tickets yet">They appear here as the backfill stores them.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="latest-tickets">
            <caption className="sr-only">Tickets most recently changed in HubSpot</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Ticket</th>
                <th scope="col" className="px-4 py-2">Stage</th>
                <th scope="col" className="px-4 py-2">Changed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {latest.map((ticket) => (
                <tr key={ticket.id}>
                  <td className="px-4 py-2">
                    <p className="font-medium text-slate-900">{ticket.subject ?? "(no subject)"}</p>
                    <p className="text-xs text-slate-600">#{ticket.id}</p>
                  </td>
                  <td className="px-4 py-2">
                    {ticket.archivedAt ? (
                      <Badge tone="bad">Deleted</Badge>
                    ) : (
                      <Badge tone={ticket.state === "CLOSED" ? "neutral" : "info"}>{ticket.stage ?? "Unknown stage"}</Badge>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-4 py-2 text-slate-700">
                    <TimeAgo date={ticket.hsLastModifiedAt} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Jobs({ health, now }: { health: SyncHealth; now: Date }) {
  return (
    <section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading" className={sectionHeading}>
        Jobs
      </h2>
      {health.queues === null ? (
        <EmptyState title="The job queue is not set up yet">It appears when a worker starts (npm run worker).</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="job-queues">
            <caption className="sr-only">Sync jobs by queue and state</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">Queue</th>
                <th scope="col" className="px-4 py-2 text-right">Waiting</th>
                <th scope="col" className="px-4 py-2 text-right">Running</th>
                <th scope="col" className="px-4 py-2 text-right">Retrying</th>
                <th scope="col" className="px-4 py-2 text-right">Failed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 tabular-nums">
              {health.queues.map((queue) => (
                <tr key={queue.name}>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {queue.label}
                  </th>
                  <td className="px-4 py-2 text-right">{queue.queued}</td>
                  <td className="px-4 py-2 text-right">{queue.active}</td>
                  <td className="px-4 py-2 text-right">{queue.retrying}</td>
                  <td className={`px-4 py-2 text-right ${queue.failed > 0 ? "font-semibold text-red-700" : ""}`}>{queue.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {health.failedJobs.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-2 font-medium text-slate-900">Failed and retrying jobs</h3>
          <ul className="space-y-2" data-testid="failed-jobs">
            {health.failedJobs.map((job) => (
              <li key={job.id} className="rounded-lg border border-red-200 bg-white p-3 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">{job.queue}</span>
                  <Badge tone={job.state === "failed" ? "bad" : "warn"}>{job.state === "failed" ? "Failed" : "Retrying"}</Badge>
                  {job.at ? (
                    <span className="text-slate-600">
                      <TimeAgo date={job.at} now={now} />, {job.retries} {job.retries === 1 ? "retry" : "retries"}
                    </span>
                  ) : null}
                </p>
                <p className="mt-1 break-words font-mono text-xs text-red-800">{job.error}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Watermarks({ health }: { health: SyncHealth }) {
  return (
    <section aria-labelledby="watermarks-heading">
      <h2 id="watermarks-heading" className={sectionHeading}>
        Reconciliation watermarks
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Every record changed before the watermark is stored; the next run reads what changed after it (and the last two minutes again, as
        HubSpot&apos;s search index lags behind writes).
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Reconciliation watermark per record type</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2">Records</th>
              <th scope="col" className="px-4 py-2">Modified up to</th>
              <th scope="col" className="px-4 py-2">Tie block drained up to id</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {health.watermarks.map((mark) => (
              <tr key={mark.type}>
                <th scope="row" className="px-4 py-2 text-left font-medium capitalize text-slate-900">
                  {mark.type}
                </th>
                <td className="px-4 py-2 text-slate-700">{mark.at ? formatInstant(mark.at) : "after the backfill"}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-700">{mark.id ?? "all"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
