import Link from "next/link";
import { SLA_STATE_LABELS } from "@/lib/queue/countdown";
import { PAGE_SIZES, QUEUE_SORTS, SORT_LABELS, queueHref, type QueueQuery } from "@/lib/queue/queue-params";
import type { QueueFilterOptions } from "@/lib/queue/queue";
import { SLA_STATES } from "@/lib/queue/sla-filter";
import { TIERS } from "@/lib/tiers/tier";
import { TIER_SHORT_LABELS } from "@/components/tier-badge";

// A plain GET form: the filters live in the URL, work without JavaScript, and the browser's back
// button walks back through them.

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

function Select({ name, label, value, choices }: { name: string; label: string; value: string | null; choices: { value: string; label: string }[] }) {
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function QueueFilters({ query, options }: { query: QueueQuery; options: QueueFilterOptions }) {
  const any = { value: "", label: "Any" };
  return (
    <form method="get" action="/queue" className="mb-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter and sort the queue" data-testid="queue-filters">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Select name="tier" label="Tier" value={query.tier} choices={[any, ...TIERS.map((tier) => ({ value: tier, label: TIER_SHORT_LABELS[tier] }))]} />
        <Select name="status" label="Status" value={query.stage} choices={[any, ...options.stages]} />
        <Select name="owner" label="Owner" value={query.owner} choices={[any, { value: "none", label: "Unassigned" }, ...options.owners]} />
        <Select name="sla" label="SLA state" value={query.sla} choices={[any, ...SLA_STATES.map((state) => ({ value: state, label: SLA_STATE_LABELS[state] }))]} />
        <Select name="sort" label="Sort" value={query.sort} choices={QUEUE_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))} />
        <Select name="size" label="Per page" value={String(query.size)} choices={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))} />
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          Apply
        </button>
        <Link href={queueHref({})} className="text-sm font-medium text-indigo-700 underline">
          Reset
        </Link>
      </div>
    </form>
  );
}
