import { TierBadge } from "@/components/tier-badge";
import { formatBusinessTime } from "@/lib/queue/countdown";
import { FIRST_RESPONSE_TARGET_MINUTES } from "@/lib/sla/targets";
import type { Workspace } from "@/lib/tickets/workspace";
import { TIER_LABELS } from "@/lib/tiers/tier";

/** Who the customer is, their tier, and an Enterprise account's own arrangement. */
export function CustomerCard({ customer, ticket }: { customer: Workspace["customer"]; ticket: Workspace["ticket"] }) {
  const { contact, company, arrangement } = customer;
  return (
    <section aria-labelledby="customer-heading" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="customer-card">
      <h2 id="customer-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Customer
      </h2>
      <dl className="mt-3 space-y-3 text-sm">
        <div>
          <dt className="text-slate-600">Contact</dt>
          <dd className="font-medium text-slate-900">
            {contact ? (
              <>
                {contact.name ?? "Name unknown"}
                {contact.email ? (
                  <a href={`mailto:${contact.email}`} className="block break-all font-normal text-indigo-800 underline">
                    {contact.email}
                  </a>
                ) : null}
              </>
            ) : (
              "No contact on this ticket"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Company</dt>
          <dd className="font-medium text-slate-900">
            {company ? (
              <>
                {company.name ?? `Company ${company.id}`}
                {company.domain ? <span className="block font-normal text-slate-600">{company.domain}</span> : null}
              </>
            ) : (
              "No company on this ticket"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Tier</dt>
          <dd className="mt-0.5">
            <TierBadge tier={ticket.tier} />
            {ticket.tierReason ? <span className="mt-1 block text-xs text-slate-600">{ticket.tierReason}</span> : null}
          </dd>
        </div>
      </dl>
      {ticket.tier === "ENTERPRISE" ? (
        <div className="mt-3 rounded-md bg-violet-50 p-3 text-sm text-violet-950 ring-1 ring-violet-200" data-testid="enterprise-arrangement">
          <h3 className="font-semibold">Enterprise arrangement</h3>
          {arrangement ? (
            <div className="mt-1 space-y-1">
              {arrangement.notes ? <p className="whitespace-pre-line">{arrangement.notes}</p> : null}
              {arrangement.contacts ? <p className="whitespace-pre-line">Contacts: {arrangement.contacts}</p> : null}
              <p>
                First response within{" "}
                {arrangement.targetMinutes !== null ? `${formatBusinessTime(arrangement.targetMinutes, false)} (agreed)` : `${formatBusinessTime(FIRST_RESPONSE_TARGET_MINUTES, false)} (standard)`}{" "}
                business time.
              </p>
            </div>
          ) : (
            <p className="mt-1">None recorded: the standard SLA applies. Admins record arrangements on the Tiers screen.</p>
          )}
        </div>
      ) : ticket.tier === "COMMUNITY" ? (
        <p className="mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          {TIER_LABELS.COMMUNITY}: no SLA. Point them to a GitHub issue in flowforge/flowforge.
        </p>
      ) : null}
    </section>
  );
}
