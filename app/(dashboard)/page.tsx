import type { Metadata } from "next";
import Link from "next/link";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { formatCount } from "@/lib/format";
import { checkHealth, type PartStatus } from "@/lib/health";
import { isStale, readLastSuccessfulSync, readTicketCounts } from "@/lib/sync/health";
import { Badge } from "@/components/ui/badge";
import { SlaSummary } from "@/components/sla-summary";
import { PageHeader } from "@/components/ui/page-header";
import { TimeAgo } from "@/components/ui/time-ago";

export const metadata: Metadata = { title: "Home" };

const PARTS: { key: "db" | "migrations" | "worker"; label: string; help: Record<PartStatus, string> }[] = [
  { key: "db", label: "Database", help: { ok: "Postgres answers.", unreachable: "Postgres does not answer.", pending: "", down: "" } },
  { key: "migrations", label: "Schema", help: { ok: "Every migration is applied.", pending: "Migrations are waiting: run npm run db:migrate.", unreachable: "", down: "" } },
  { key: "worker", label: "Worker", help: { ok: "Background jobs are running.", down: "No worker has run a job in the last minute: start one with npm run worker.", pending: "", unreachable: "" } },
];

export default async function HomePage() {
  const user = await pageUser();
  const health = await checkHealth();
  const firstName = (user.name ?? user.email).split(/[\s@]/)[0];

  return (
    <>
      <PageHeader title={`Hello, ${firstName}`} description="Your support cockpit: the queue, SLA timers and everything the customer is waiting on." />
      <HubSpotSummary />
      <SlaSummary />
      <section aria-labelledby="system-heading">
        <h2 id="system-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
          System
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {PARTS.map((part) => {
            const status = health[part.key];
            return (
              <li key={part.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`health-${part.key}`}>
                <div className="flex items-center justify-between">
                  <p className="font-medium text-slate-900">{part.label}</p>
                  <Badge tone={status === "ok" ? "good" : "bad"}>{status === "ok" ? "OK" : status}</Badge>
                </div>
                <p className="mt-2 text-sm text-slate-600">{part.help[status]}</p>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

async function HubSpotSummary() {
  const settings = env();
  if (!settings.HUBSPOT_ACCESS_TOKEN) {
    return (
      <p className="mb-8 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700" data-testid="hubspot-summary">
        HubSpot is not connected yet. <Link className="font-medium text-indigo-700 underline" href="/sync">Sync health</Link> says how.
      </p>
    );
  }
  const now = new Date();
  const [counts, lastSync] = await Promise.all([readTicketCounts(db()), readLastSuccessfulSync(db())]);
  const stale = isStale(lastSync, settings.HUBSPOT_STALE_MINUTES, now);
  return (
    <section aria-labelledby="tickets-heading" className="mb-8" data-testid="hubspot-summary">
      <h2 id="tickets-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
        Tickets
      </h2>
      {stale ? (
        <div className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="stale-warning">
          <p className="font-semibold">HubSpot data may be out of date</p>
          <p className="mt-1">
            {lastSync ? (
              <>
                The last successful sync was <TimeAgo date={lastSync} now={now} />.
              </>
            ) : (
              "Nothing has been synced from HubSpot yet."
            )}{" "}
            <Link className="font-medium underline" href="/sync">
              See sync health
            </Link>
          </p>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {[
          { label: "Open", value: counts.open, testId: "home-open" },
          { label: "Closed", value: counts.closed, testId: "home-closed" },
          { label: "Contacts", value: counts.contacts, testId: "home-contacts" },
          { label: "Companies", value: counts.companies, testId: "home-companies" },
        ].map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={figure.testId}>
              {formatCount(figure.value)}
            </dd>
          </div>
        ))}
      </dl>
      {!stale && lastSync ? (
        <p className="mt-2 text-sm text-slate-600">
          In step with HubSpot: last synced <TimeAgo date={lastSync} now={now} />.
        </p>
      ) : null}
    </section>
  );
}
