import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page";
import { checkHealth, type PartStatus } from "@/lib/health";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";

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
