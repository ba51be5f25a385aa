import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/local-time";
import { SlaTimer } from "@/components/sla-timer";
import { TierBadge } from "@/components/tier-badge";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { ticketSlackThread } from "@/lib/slack/thread-link";
import { hubspotTicketUrl, requestTicketReads } from "@/lib/tickets/open-ticket";
import { formatShort, TIME_ZONE_COOKIE, validTimeZone } from "@/lib/tickets/time-format";
import { loadWorkspace, type Workspace } from "@/lib/tickets/workspace";
import { Composer } from "./composer";
import { CustomerCard } from "./customer-card";
import { RefreshOnChange } from "./refresh-on-change";
import { StatusOwnerForm } from "./status-owner-form";
import { Timeline, TimelineLoading } from "./timeline";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Ticket ${(await params).id}` };
}

const PRIORITY_TONES = { URGENT: "bad", HIGH: "warn", MEDIUM: "info", LOW: "neutral" } as const;

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await pageUser();
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  const now = new Date();
  const workspace = await loadWorkspace(db(), id, user, now);
  if (!workspace) notFound();
  const zone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const { ticket, loading } = workspace;

  await requestTicketReads(id, { thread: loading.thread, notes: loading.notes || workspace.notesStale }).catch((error: unknown) => {
    // The page still shows what Postgres has; the reads are tried again on the next refresh.
    console.error(`ticket ${id}: could not queue the HubSpot reads`, error);
  });
  const slackThread = await ticketSlackThread(db(), id);
  const hubspotUrl = hubspotTicketUrl(id);
  const waiting = loading.thread || loading.notes || workspace.pendingWrites > 0;

  return (
    <>
      <TimeZoneCookie />
      <RefreshOnChange ticketId={id} version={workspace.version} waiting={waiting} />
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600">
        <Link href="/queue" className="text-indigo-800 underline">
          Queue
        </Link>{" "}
        / Ticket {id}
      </nav>

      <header className="mb-6 space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-5" data-testid="ticket-header">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{ticket.subject}</h1>
            <p className="mt-1 text-sm text-slate-600">
              Ticket {id} · opened <LocalTime iso={ticket.openedAt.toISOString()} zone={zone} />
              {ticket.sourceType ? ` · ${ticket.sourceType.toLowerCase()}` : ""}
              {ticket.category ? ` · ${ticket.category.replaceAll("_", " ").toLowerCase()}` : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-2 text-sm">
            {hubspotUrl ? (
              <a href={hubspotUrl} target="_blank" rel="noopener noreferrer" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
                Open in HubSpot <span aria-hidden="true">↗</span>
              </a>
            ) : null}
            {slackThread ? (
              <a href={slackThread} target="_blank" rel="noopener noreferrer" className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
                Slack thread <span aria-hidden="true">↗</span>
              </a>
            ) : null}
          </div>
        </div>

        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <span className="inline-flex flex-wrap items-center gap-2" data-testid="ticket-tier">
            <span className="text-xs font-medium uppercase tracking-wide text-slate-600">Tier</span>
            <TierBadge tier={ticket.tier} />
            {ticket.tierReason ? <span className="text-xs text-slate-600">decided by: {ticket.tierReason}</span> : null}
          </span>
          <SlaTimer
            state={ticket.sla.state}
            businessMinutesLeft={ticket.sla.businessMinutesLeft}
            renderedAt={now.toISOString()}
            phase={ticket.sla.phase ? { open: ticket.sla.phase.open, until: ticket.sla.phase.until.toISOString() } : null}
            dueSoonMinutes={workspace.dueSoonMinutes}
            targetMinutes={ticket.sla.targetMinutes}
            {...(ticket.sla.dueAt && ticket.firstResponseAt === null ? { detail: `due ${formatShort(ticket.sla.dueAt, zone)}` } : {})}
          />
          {ticket.priority ? <Badge tone={PRIORITY_TONES[ticket.priority as keyof typeof PRIORITY_TONES] ?? "neutral"}>Priority: {ticket.priority.toLowerCase()}</Badge> : null}
          {ticket.archived ? <Badge tone="bad">Deleted in HubSpot</Badge> : null}
        </div>

        <StatusOwnerForm
          ticketId={id}
          stageId={ticket.stageId}
          ownerId={ticket.ownerId}
          stages={workspace.stages}
          owners={workspace.owners}
          pending={workspace.timeline.some((entry) => entry.kind === "CHANGE" && entry.write?.status === "PENDING")}
        />
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="conversation-heading">
            <h2 id="conversation-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
              Conversation
            </h2>
            <Conversation workspace={workspace} zone={zone} />
          </section>
          <section aria-labelledby="composer-heading">
            <h2 id="composer-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
              Write
            </h2>
            {ticket.archived ? (
              <EmptyState title="This ticket was deleted in HubSpot">Nothing more can be written to it.</EmptyState>
            ) : (
              <Composer
                ticketId={id}
                subject={ticket.subject}
                route={workspace.replyRoute}
                suggestions={workspace.suggestions}
                savedReplies={workspace.savedReplies}
                templateContext={workspace.templateContext}
              />
            )}
          </section>
        </div>
        <aside className="space-y-4">
          <CustomerCard customer={workspace.customer} ticket={ticket} />
          <TicketFacts workspace={workspace} zone={zone} />
        </aside>
      </div>
    </>
  );
}

function Conversation({ workspace, zone }: { workspace: Workspace; zone: string }) {
  const { ticket, timeline, loading } = workspace;
  return (
    <div className="space-y-3">
      {ticket.content ? (
        <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-800">Ticket description</summary>
          <p className="mt-2 whitespace-pre-line text-slate-800">{ticket.content}</p>
        </details>
      ) : null}
      {loading.thread ? (
        <TimelineLoading />
      ) : timeline.length > 0 ? (
        <Timeline entries={timeline} zone={zone} />
      ) : (
        <EmptyState title="No messages yet">
          {ticket.threadId ? "Nothing has been said on this ticket's conversation." : "This ticket has no conversation in HubSpot. Notes you add appear here."}
        </EmptyState>
      )}
      {loading.notes && !loading.thread ? (
        <p role="status" className="text-sm text-slate-600">
          Reading the ticket&apos;s notes from HubSpot…
        </p>
      ) : null}
    </div>
  );
}

function TicketFacts({ workspace, zone }: { workspace: Workspace; zone: string }) {
  const { ticket } = workspace;
  return (
    <section aria-labelledby="facts-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="facts-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Ticket
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        <div className="flex justify-between gap-3">
          <dt className="text-slate-600">Status</dt>
          <dd className="text-right font-medium text-slate-900">{ticket.status?.label ?? "Unknown"}</dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-slate-600">Owner</dt>
          <dd className="text-right font-medium text-slate-900">{ticket.owner?.name ?? "Unassigned"}</dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-slate-600">First response</dt>
          <dd className="text-right font-medium text-slate-900">
            {ticket.firstResponseAt ? <LocalTime iso={ticket.firstResponseAt.toISOString()} zone={zone} /> : "Not yet"}
          </dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-slate-600">Last update</dt>
          <dd className="text-right font-medium text-slate-900">
            <LocalTime iso={ticket.lastModifiedAt.toISOString()} zone={zone} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
