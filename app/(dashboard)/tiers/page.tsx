import type { Metadata } from "next";
import Link from "next/link";
import { TicketTable } from "@/components/ticket-table";
import { TIER_SHORT_LABELS } from "@/components/tier-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { formatCount } from "@/lib/format";
import { queueHref } from "@/lib/queue/queue-params";
import { loadTierOverview, type TierSection } from "@/lib/queue/tier-overview";
import { TIER_LABELS, type Tier } from "@/lib/tiers/tier";
import { ArrangementEditor } from "./arrangement-editor";
import { AssignTier } from "./assign-tier";
import { RuleEditor } from "./rule-editor";
import { TierSettingsForm } from "./tier-settings-form";

export const metadata: Metadata = { title: "Tiers" };

const heading = "text-lg font-semibold text-slate-900";

/** Per account, Enterprise handling depends on the arrangement; the card speaks for all of them. */
const CARD_TEXT: Partial<Record<Tier, string>> = {
  ENTERPRISE: "Follow the account's arrangement (below); without one, reply in the ticket under the standard SLA.",
};

export default async function TiersPage() {
  const user = await pageUser();
  const isAdmin = user.role === "ADMIN";
  const now = new Date();
  const overview = await loadTierOverview(db(), now);
  const [unknown, ...others] = overview.sections;

  return (
    <>
      <PageHeader
        title="Tiers"
        description="Open tickets by customer tier and what to do for each. The tier comes from the rules below; the rule that decided is shown on every ticket."
      />
      {overview.recomputing ? (
        <p role="status" className="mb-4 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-2.5 text-sm text-indigo-950" data-testid="recomputing">
          Rules changed: tickets are being recomputed. This page shows the new tiers as they land.
        </p>
      ) : null}
      <ul className="mb-8 grid gap-4 md:grid-cols-2 xl:grid-cols-4" aria-label="Open tickets by tier" data-testid="tier-cards">
        {overview.sections.map((section) => (
          <li key={section.tier} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4" data-testid={`tier-card-${section.tier}`}>
            <h2 className="font-medium text-slate-900">{TIER_LABELS[section.tier]}</h2>
            <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
              {formatCount(overview.counts[section.tier])} <span className="text-sm font-normal text-slate-600">open</span>
            </p>
            <p className="mt-2 flex-1 text-sm text-slate-700">{CARD_TEXT[section.tier] ?? section.policy.recommendedAction.text}</p>
            {section.policy.recommendedAction.url ? (
              <a href={section.policy.recommendedAction.url} className="mt-2 text-sm font-medium text-indigo-700 underline" rel="noreferrer" target="_blank">
                flowforge/flowforge issues
              </a>
            ) : null}
            <Link href={queueHref({ tier: section.tier })} className="mt-2 text-sm font-medium text-indigo-700 underline">
              {TIER_SHORT_LABELS[section.tier]} tickets in the queue
            </Link>
          </li>
        ))}
      </ul>

      <div className="space-y-10">
        <section aria-labelledby="unknown-heading" data-testid="unknown-list">
          <h2 id="unknown-heading" className={`${heading} mb-1`}>
            Waiting for a decision <span className="text-base font-normal text-slate-600">({formatCount(overview.counts.UNKNOWN)})</span>
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            No rule matched these customers. They are handled as Managed, SLA included, until someone decides.{" "}
            {isAdmin ? "Assigning a tier adds a rule for the company (or the contact without one)." : "An admin assigns their tier."}
          </p>
          {unknown!.list.rows.length === 0 ? (
            <EmptyState title="Every open ticket has a tier" />
          ) : (
            <TicketTable
              rows={unknown!.list.rows}
              now={now}
              dueSoonMinutes={overview.dueSoonMinutes}
              caption="Open tickets without a tier"
              compact={isAdmin ? "without-tier" : false}
              extra={
                isAdmin
                  ? {
                      header: "Decide",
                      cell: (row) => <AssignTier companyId={row.company?.id ?? null} companyName={row.company?.name ?? null} contactEmail={row.contactEmail} />,
                    }
                  : undefined
              }
            />
          )}
        </section>

        {others.map((section) => (
          <TierList key={section.tier} section={section} count={overview.counts[section.tier]} now={now} dueSoonMinutes={overview.dueSoonMinutes} />
        ))}

        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading" className={`${heading} mb-1`}>
            Tier rules
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            The first rule that matches decides. Kinds apply in this order: contact assignments, company assignments, the company property, email domains; rules of one kind from top to
            bottom.{isAdmin ? "" : " Only admins can change them."}
          </p>
          <RuleEditor rules={overview.rules} isAdmin={isAdmin} companyTierProperty={overview.companyTierProperty} />
        </section>

        <section aria-labelledby="arrangements-heading">
          <h2 id="arrangements-heading" className={`${heading} mb-1`}>
            Enterprise arrangements
          </h2>
          <p className="mb-3 text-sm text-slate-600">Per company: what was agreed, who to talk to, and a first-response target or business hours of its own.</p>
          <ArrangementEditor arrangements={overview.arrangements} isAdmin={isAdmin} />
        </section>

        <section aria-labelledby="tier-settings-heading">
          <h2 id="tier-settings-heading" className={`${heading} mb-1`}>
            Company tier property
          </h2>
          <TierSettingsForm isAdmin={isAdmin} companyTierProperty={overview.companyTierProperty} />
        </section>
      </div>
    </>
  );
}

function TierList({ section, count, now, dueSoonMinutes }: { section: TierSection; count: number; now: Date; dueSoonMinutes: number }) {
  const id = `tier-${section.tier.toLowerCase()}`;
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`${id}-list`}>
      <div className="mb-3 flex items-baseline justify-between gap-4">
        <h2 id={`${id}-heading`} className={heading}>
          {TIER_SHORT_LABELS[section.tier]} <span className="text-base font-normal text-slate-600">({formatCount(count)})</span>
        </h2>
        {count > section.list.rows.length ? (
          <Link href={queueHref({ tier: section.tier })} className="text-sm font-medium text-indigo-700 underline">
            All {formatCount(count)} in the queue
          </Link>
        ) : null}
      </div>
      {section.list.rows.length === 0 ? (
        <EmptyState title={`No open ${TIER_SHORT_LABELS[section.tier]} tickets`} />
      ) : (
        <TicketTable rows={section.list.rows} now={now} dueSoonMinutes={dueSoonMinutes} caption={`Open ${TIER_SHORT_LABELS[section.tier]} tickets`} />
      )}
    </section>
  );
}
