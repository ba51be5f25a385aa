import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { listDocsGaps } from "@/lib/docs-gaps/list";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/tickets/time-format";
import { ResolveGap } from "./resolve-gap";

export const metadata: Metadata = { title: "Docs gaps" };

type Tab = "open" | "resolved";

export default async function DocsGapsPage({ searchParams }: { searchParams: Promise<{ status?: string; after?: string }> }) {
  await pageUser();
  const query = await searchParams;
  const tab: Tab = query.status === "resolved" ? "resolved" : "open";
  const { gaps, next } = await listDocsGaps(db(), tab === "open" ? "OPEN" : "RESOLVED", query.after);
  const zone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);

  return (
    <>
      <TimeZoneCookie />
      <PageHeader
        title="Docs gaps"
        description="Questions a reply needed an article for, and found none. Replies should link to FlowForge documentation: write the missing article, then mark the gap resolved."
      />
      <nav aria-label="Docs gaps by status" className="mb-4 flex gap-2 text-sm">
        {(["open", "resolved"] as const).map((status) => (
          <Link
            key={status}
            href={status === "open" ? "/docs-gaps" : "/docs-gaps?status=resolved"}
            aria-current={tab === status ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 font-medium ${tab === status ? "bg-indigo-50 text-indigo-800 ring-1 ring-indigo-200" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {status === "open" ? "Open" : "Resolved"}
          </Link>
        ))}
      </nav>
      {gaps.length === 0 ? (
        <EmptyState title={tab === "open" ? "No open docs gaps" : "No resolved docs gaps yet"}>
          {tab === "open" ? "When a reply needs an article that does not exist, record it from the ticket's composer: it appears here." : null}
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="docs-gaps">
          {gaps.map((gap) => (
            <li key={gap.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="docs-gap">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <h2 className="font-semibold break-words text-slate-900">{gap.topic}</h2>
                  <p className="mt-1 text-sm text-slate-600">
                    {gap.reportedByName} · <LocalTime iso={gap.createdAt.toISOString()} zone={zone} />
                    {gap.ticket ? (
                      <>
                        {" · "}
                        <Link href={`/tickets/${gap.ticket.id}`} className="text-indigo-800 underline">
                          Ticket {gap.ticket.id}
                          {gap.ticket.subject ? `: ${gap.ticket.subject}` : ""}
                        </Link>
                      </>
                    ) : null}
                  </p>
                </div>
                {tab === "open" ? <ResolveGap id={gap.id} topic={gap.topic} /> : null}
              </div>
              {gap.suggested.length > 0 ? (
                <div className="mt-2 text-sm text-slate-700">
                  Suggested, and not the answer:{" "}
                  {gap.suggested.map((article, index) => (
                    <span key={article.url}>
                      {index > 0 ? ", " : ""}
                      <a href={article.url} target="_blank" rel="noopener noreferrer" className="text-indigo-800 underline">
                        {article.title}
                      </a>
                    </span>
                  ))}
                </div>
              ) : null}
              {tab === "resolved" ? (
                <p className="mt-2 text-sm text-slate-700">
                  Resolved by {gap.resolvedBy ?? "someone no longer on the team"}
                  {gap.resolvedAt ? (
                    <>
                      {" "}
                      · <LocalTime iso={gap.resolvedAt.toISOString()} zone={zone} />
                    </>
                  ) : null}
                  {gap.articleUrl ? (
                    <>
                      {" · "}
                      <a href={gap.articleUrl} target="_blank" rel="noopener noreferrer" className="text-indigo-800 underline">
                        the article
                      </a>
                    </>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/docs-gaps?${new URLSearchParams({ ...(tab === "resolved" ? { status: "resolved" } : {}), after: next }).toString()}`} className="text-sm font-medium text-indigo-800 underline">
            Older gaps
          </Link>
        </p>
      ) : null}
    </>
  );
}
