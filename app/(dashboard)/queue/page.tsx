import type { Metadata } from "next";
import Link from "next/link";
import { BusinessHoursNote } from "@/components/business-hours-note";
import { TicketTable } from "@/components/ticket-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { loadQueue, loadQueueFilterOptions } from "@/lib/queue/queue";
import { parseQueueParams, queueHref } from "@/lib/queue/queue-params";
import { QueueFilters } from "./queue-filters";

export const metadata: Metadata = { title: "Queue" };

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageUser();
  const query = parseQueueParams(await searchParams);
  const now = new Date();
  const [page, options] = await Promise.all([loadQueue(db(), query, now), loadQueueFilterOptions(db())]);
  const filtered = Boolean(query.tier || query.stage || query.owner || query.sla);

  return (
    <>
      <PageHeader
        title="Queue"
        description="Every open ticket, the most urgent first. First-response timers count business time: 09:00–17:00 UK time, Monday to Friday."
      />
      <BusinessHoursNote phase={page.businessHours} now={now} />
      <QueueFilters query={query} options={options} />
      {page.rows.length === 0 ? (
        filtered || query.after ? (
          <EmptyState title="No open tickets match these filters">
            <Link href={queueHref({ sort: query.sort })} className="font-medium text-indigo-700 underline">
              Clear the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No open tickets">
            Tickets appear here as they are synced from HubSpot. <Link href="/sync" className="font-medium text-indigo-700 underline">Sync health</Link> shows how far the
            sync has got.
          </EmptyState>
        )
      ) : (
        <>
          <TicketTable rows={page.rows} now={now} dueSoonMinutes={page.dueSoonMinutes} caption="Open tickets" testId="queue-table" />
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
            <p className="text-slate-600" data-testid="queue-page-size">
              {page.rows.length} ticket{page.rows.length === 1 ? "" : "s"} on this page
            </p>
            <div className="flex gap-3">
              {query.after ? (
                <Link href={queueHref({ ...query, after: null })} className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100">
                  First page
                </Link>
              ) : null}
              {page.next ? (
                <Link href={queueHref({ ...query, after: page.next })} rel="next" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100">
                  Next page →
                </Link>
              ) : null}
            </div>
          </nav>
        </>
      )}
    </>
  );
}
