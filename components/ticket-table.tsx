import Link from "next/link";
import type { ReactNode } from "react";
import { SlaTimer } from "@/components/sla-timer";
import { TierBadge } from "@/components/tier-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatUkInstant } from "@/lib/queue/dates";
import type { TicketListRow } from "@/lib/queue/ticket-rows";

// Tickets as the queue, SLA and Tiers screens list them. Below the large breakpoint (always, when
// compact) the status and owner move under the subject, so that the table fits a tablet without
// scrolling sideways.

export interface ExtraColumn {
  header: string;
  cell: (row: TicketListRow) => ReactNode;
}

function slaDetail(row: TicketListRow, now: Date): string | undefined {
  const { sla } = row;
  switch (sla.state) {
    case "running":
    case "due_soon":
      return sla.dueAt ? `due ${formatUkInstant(sla.dueAt, now)}` : undefined;
    case "breached":
      return sla.dueAt ? `was due ${formatUkInstant(sla.dueAt, now)}` : undefined;
    case "paused":
      return sla.resumesAt ? `resumes ${formatUkInstant(sla.resumesAt, now)}` : undefined;
    case "met":
    case "met_late":
      return row.firstResponseAt ? `replied ${formatUkInstant(row.firstResponseAt, now)}` : undefined;
    case "not_applicable":
      return row.tier === "COMMUNITY" ? "redirect to GitHub" : undefined;
  }
}

export function TicketSla({ row, now, dueSoonMinutes }: { row: TicketListRow; now: Date; dueSoonMinutes: number }) {
  const { sla } = row;
  return (
    <SlaTimer
      key={`${row.id}:${now.getTime()}`}
      state={sla.state}
      businessMinutesLeft={sla.businessMinutesLeft}
      targetMinutes={sla.targetMinutes}
      dueSoonMinutes={dueSoonMinutes}
      renderedAt={now.toISOString()}
      phase={sla.phase ? { open: sla.phase.open, until: sla.phase.until.toISOString() } : null}
      detail={slaDetail(row, now)}
    />
  );
}

export function TicketTable({
  rows,
  now,
  dueSoonMinutes,
  caption,
  extra,
  testId,
  compact = false,
}: {
  rows: TicketListRow[];
  now: Date;
  dueSoonMinutes: number;
  caption: string;
  extra?: ExtraColumn;
  testId?: string;
  /** Fewer columns, for lists with an extra one; the tier column goes too when every row has the same tier. */
  compact?: boolean | "without-tier";
}) {
  const showTier = compact !== "without-tier";
  const wide = compact ? "hidden" : "hidden lg:table-cell";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2.5">Ticket</th>
            {showTier ? <th scope="col" className="px-3 py-2.5">Tier</th> : null}
            <th scope="col" className={`${wide} px-3 py-2.5`}>Status</th>
            <th scope="col" className={`${wide} px-3 py-2.5`}>Owner</th>
            <th scope="col" className="px-3 py-2.5">First response</th>
            <th scope="col" className={`${compact ? "hidden" : "hidden md:table-cell"} px-3 py-2.5`}>Opened</th>
            {extra ? <th scope="col" className="px-3 py-2.5">{extra.header}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="ticket-row" data-ticket-id={row.id} className="align-top">
              <td className={`${compact ? "max-w-[16rem]" : "max-w-xs"} px-3 py-3`}>
                <Link href={`/tickets/${row.id}`} className="font-medium text-slate-900 underline-offset-2 hover:text-indigo-700 hover:underline">
                  {row.subject}
                </Link>
                <p className="mt-0.5 truncate text-xs text-slate-600">
                  #{row.id}
                  {row.company?.name ? ` · ${row.company.name}` : ""}
                  {row.contactEmail ? ` · ${row.contactEmail}` : ""}
                </p>
                <p className={`mt-0.5 text-xs text-slate-600 ${compact ? "" : "lg:hidden"}`}>
                  {row.status?.label ?? "Unknown status"} · {row.owner?.name ?? "Unassigned"}
                </p>
              </td>
              {showTier ? (
                <td className="min-w-[9rem] px-3 py-3" data-testid="ticket-tier">
                  <TierBadge tier={row.tier} />
                  {row.tierReason ? (
                    <p className="mt-1 max-w-[14rem] text-xs text-slate-600" data-testid="tier-reason">
                      {row.tierReason}
                    </p>
                  ) : null}
                </td>
              ) : null}
              <td className={`${wide} px-3 py-3 text-slate-800`} data-testid="ticket-status">
                {row.status?.label ?? "Unknown"}
                {row.status?.pipeline ? <p className="text-xs text-slate-600">{row.status.pipeline}</p> : null}
              </td>
              <td className={`${wide} px-3 py-3 text-slate-800`}>{row.owner?.name ?? <span className="text-slate-600">Unassigned</span>}</td>
              <td className="px-3 py-3">
                <TicketSla row={row} now={now} dueSoonMinutes={dueSoonMinutes} />
              </td>
              <td className={`${compact ? "hidden" : "hidden md:table-cell"} whitespace-nowrap px-3 py-3 text-slate-700`}>
                <TimeAgo date={row.openedAt} now={now} />
              </td>
              {extra ? <td className="px-3 py-3">{extra.cell(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
