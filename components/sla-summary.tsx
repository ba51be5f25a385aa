import Link from "next/link";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";
import { loadHomeSlaSummary } from "@/lib/queue/home-summary";
import { queueHref } from "@/lib/queue/queue-params";

/** The home page's way into the working day: what is breached, due soon, or waiting for a tier. */
export async function SlaSummary() {
  const summary = await loadHomeSlaSummary(db(), new Date());
  const figure = (n: number) => `${formatCount(Math.min(n, summary.cap))}${n > summary.cap ? "+" : ""}`;
  const links = [
    { href: queueHref({ sla: "breached" }), label: "Breached", value: summary.breached, help: "past their first-response time", tone: summary.breached > 0 ? "text-red-800" : "text-slate-900" },
    { href: queueHref({ sla: "due_soon" }), label: "Due soon", value: summary.dueSoon, help: "to answer within the hour", tone: summary.dueSoon > 0 ? "text-amber-900" : "text-slate-900" },
    { href: "/tiers#unknown-heading", label: "Tier to decide", value: summary.unknown, help: "customers no rule matched", tone: "text-slate-900" },
  ];
  return (
    <section aria-labelledby="today-heading" className="mb-8" data-testid="sla-summary">
      <div className="mb-3 flex items-baseline justify-between">
        <h2 id="today-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Needs attention
        </h2>
        <p className="text-sm">
          <Link href="/queue" className="font-medium text-indigo-700 underline">
            Queue
          </Link>
          {" · "}
          <Link href="/sla" className="font-medium text-indigo-700 underline">
            SLA
          </Link>
          {" · "}
          <Link href="/tiers" className="font-medium text-indigo-700 underline">
            Tiers
          </Link>
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-3">
        {links.map((link) => (
          <li key={link.label}>
            <Link href={link.href} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-300 hover:bg-indigo-50/40">
              <span className="text-sm text-slate-600">{link.label}</span>
              <span className={`mt-1 block text-2xl font-semibold tabular-nums ${link.tone}`}>{figure(link.value)}</span>
              <span className="text-xs text-slate-600">{link.help}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
