import type { Metadata } from "next";
import Link from "next/link";
import { AttainmentChart } from "@/components/attainment-chart";
import { BusinessHoursNote } from "@/components/business-hours-note";
import { TicketSla, TicketTable } from "@/components/ticket-table";
import { TierBadge } from "@/components/tier-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TimeAgo } from "@/components/ui/time-ago";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";
import { loadCalendarSettings } from "@/lib/queue/calendar-settings";
import { formatUkDay, formatUkInstant } from "@/lib/queue/dates";
import { queueHref } from "@/lib/queue/queue-params";
import { loadSlaOverview, type SlaOverview } from "@/lib/queue/sla-overview";
import type { TicketList } from "@/lib/queue/ticket-lists";
import { CalendarControls } from "./calendar-controls";

export const metadata: Metadata = { title: "SLA" };

const heading = "text-lg font-semibold text-slate-900";

function countText(list: { count: number; more: boolean }): string {
  return `${formatCount(list.count)}${list.more ? "+" : ""}`;
}

export default async function SlaPage() {
  const user = await pageUser();
  const now = new Date();
  const [overview, calendar] = await Promise.all([loadSlaOverview(db(), now), loadCalendarSettings(db(), now)]);
  const figures = [
    { label: "Breached", list: overview.breached, href: queueHref({ sla: "breached" }), tone: "text-red-800" },
    { label: "Due soon", list: overview.dueSoon, href: queueHref({ sla: "due_soon" }), tone: "text-amber-900" },
    { label: "Paused", list: overview.paused, href: queueHref({ sla: "paused" }), tone: "text-slate-900" },
    { label: "Stale", list: overview.stale, href: "#stale-heading", tone: "text-slate-900" },
  ];

  return (
    <>
      <PageHeader
        title="SLA"
        description={`First response within 4 business hours of a ticket's creation; "due soon" with ${overview.dueSoonMinutes} business minutes left. Community tickets carry no SLA.`}
      />
      <BusinessHoursNote phase={overview.phase} now={now} />
      <dl className="mb-8 grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="sla-figures">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${figure.tone}`}>
              <Link href={figure.href} className="hover:underline" aria-label={`${figure.label}: ${countText(figure.list)} open tickets`}>
                {countText(figure.list)}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <div className="space-y-10">
        <TicketSection id="breached" title="Breached" empty="No open ticket is past its first-response time." list={overview.breached} overview={overview} href={queueHref({ sla: "breached" })} />
        <TicketSection id="due-soon" title="Due soon" empty="Nothing is about to breach." list={overview.dueSoon} overview={overview} href={queueHref({ sla: "due_soon" })} />
        <TicketSection
          id="paused"
          title="Paused until business hours"
          empty={overview.phase.open ? "Business hours are on: every timer is running." : "No unanswered ticket is waiting."}
          list={overview.paused}
          overview={overview}
          href={queueHref({ sla: "paused" })}
        />
        <StaleSection overview={overview} />
        <HistorySection overview={overview} />
        <section aria-labelledby="attainment-heading">
          <h2 id="attainment-heading" className={`${heading} mb-3`}>
            Attainment
          </h2>
          <AttainmentChart weeks={overview.attainment} />
        </section>
        <section aria-labelledby="calendar-heading">
          <h2 id="calendar-heading" className={`${heading} mb-1`}>
            Business calendar
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            09:00–17:00 UK time, Monday to Friday, without England and Wales bank holidays
            {calendar.upcomingBankHolidays.length > 0
              ? ` (next: ${calendar.upcomingBankHolidays.map((holiday) => `${holiday.name}, ${formatUkDay(holiday.date)}`).join("; ")})`
              : ""}
            . Enterprise accounts may have their own hours (on the Tiers screen).
          </p>
          <CalendarControls isAdmin={user.role === "ADMIN"} dueSoonMinutes={calendar.dueSoonMinutes} daysOff={calendar.teamDaysOff.map((day) => ({ ...day, label: formatUkDay(day.date) }))} />
        </section>
      </div>
    </>
  );
}

function TicketSection({ id, title, empty, list, overview, href }: { id: string; title: string; empty: string; list: TicketList; overview: SlaOverview; href: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`sla-${id}`}>
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 id={`${id}-heading`} className={heading}>
          {title} <span className="text-base font-normal text-slate-600">({countText(list)})</span>
        </h2>
        {list.count > list.rows.length ? (
          <Link href={href} className="text-sm font-medium text-indigo-700 underline">
            All {countText(list)} in the queue
          </Link>
        ) : null}
      </div>
      {list.rows.length === 0 ? <EmptyState title={empty} /> : <TicketTable rows={list.rows} now={overview.now} dueSoonMinutes={overview.dueSoonMinutes} caption={title} />}
    </section>
  );
}

function StaleSection({ overview }: { overview: SlaOverview }) {
  const { stale, now } = overview;
  return (
    <section aria-labelledby="stale-heading" data-testid="sla-stale">
      <h2 id="stale-heading" className={`${heading} mb-1`}>
        Stale <span className="text-base font-normal text-slate-600">({countText(stale)})</span>
      </h2>
      <p className="mb-3 text-sm text-slate-600">Open tickets raised by a customer and not updated for more than a day. Each stale period raises one alert for #support-tickets.</p>
      {stale.rows.length === 0 ? (
        <EmptyState title="No stale tickets" />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Stale tickets</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2.5">Ticket</th>
                <th scope="col" className="px-3 py-2.5">Tier</th>
                <th scope="col" className="px-3 py-2.5">Last update</th>
                <th scope="col" className="px-3 py-2.5">Alert</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {stale.rows.map((row) => (
                <tr key={row.id} data-testid="stale-row" className="align-top">
                  <td className="px-3 py-3">
                    <Link href={`/tickets/${row.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                      {row.subject}
                    </Link>
                    <p className="text-xs text-slate-600">
                      #{row.id} · {row.status?.label ?? "Unknown status"} · {row.owner?.name ?? "Unassigned"}
                    </p>
                  </td>
                  <td className="px-3 py-3">
                    <TierBadge tier={row.tier} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-3 text-slate-800">
                    <TimeAgo date={row.lastModifiedAt} now={now} />
                  </td>
                  <td className="px-3 py-3 text-slate-800">
                    {row.alertedAt ? `Recorded ${formatUkInstant(row.alertedAt, now)}` : <span className="text-slate-600">Within the minute</span>}
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

function HistorySection({ overview }: { overview: SlaOverview }) {
  const { history, now } = overview;
  return (
    <section aria-labelledby="history-heading" data-testid="sla-history">
      <h2 id="history-heading" className={`${heading} mb-1`}>
        Latest first responses
      </h2>
      <p className="mb-3 text-sm text-slate-600">Met or late, in business time since the ticket was created.</p>
      {history.length === 0 ? (
        <EmptyState title="No first responses yet" />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Latest first responses</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2.5">Ticket</th>
                <th scope="col" className="px-3 py-2.5">Tier</th>
                <th scope="col" className="px-3 py-2.5">Outcome</th>
                <th scope="col" className="hidden px-3 py-2.5 md:table-cell">Detected from</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.map((row) => (
                <tr key={row.id} data-testid="history-row" className="align-top">
                  <td className="px-3 py-3">
                    <Link href={`/tickets/${row.id}`} className="font-medium text-slate-900 hover:text-indigo-700 hover:underline">
                      {row.subject}
                    </Link>
                    <p className="text-xs text-slate-600">#{row.id}</p>
                  </td>
                  <td className="px-3 py-3">
                    <TierBadge tier={row.tier} />
                  </td>
                  <td className="px-3 py-3">
                    <TicketSla row={row} now={now} dueSoonMinutes={overview.dueSoonMinutes} />
                  </td>
                  <td className="hidden px-3 py-3 md:table-cell">
                    {row.firstResponseSource === "THREAD" ? <Badge>Conversation</Badge> : <Badge tone="info">HubSpot field</Badge>}
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
