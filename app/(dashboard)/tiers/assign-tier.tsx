"use client";

import { useState, useTransition } from "react";
import { TIER_SHORT_LABELS } from "@/components/tier-badge";
import { failureText } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { saveTierRule } from "@/lib/actions/tiers";
import { ASSIGNABLE_TIERS, type AssignableTier } from "@/lib/tiers/tier";

/** Decides an Unknown ticket's tier for good: an assignment rule for its company, or its contact when it has none. */
export function AssignTier({ companyId, companyName, contactEmail }: { companyId: string | null; companyName: string | null; contactEmail: string | null }) {
  const [tier, setTier] = useState<AssignableTier>("MANAGED");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const target = companyId ? `company ${companyName ?? companyId}` : contactEmail ? `contact ${contactEmail}` : null;
  if (!target) return <span className="text-xs text-slate-600">No contact or company to assign</span>;

  return (
    <div className="flex min-w-[12rem] flex-col gap-1">
      <span className="max-w-[14rem] truncate text-xs text-slate-600">
        {companyId ? "Company" : "Contact"} {companyId ? (companyName ?? companyId) : contactEmail}
      </span>
      <div className="flex items-center gap-1">
        <label className="sr-only" htmlFor={`assign-${companyId ?? contactEmail}`}>
          Tier for {target}
        </label>
        <select
          id={`assign-${companyId ?? contactEmail}`}
          value={tier}
          onChange={(event) => setTier(event.target.value as AssignableTier)}
          className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm"
        >
          {ASSIGNABLE_TIERS.map((option) => (
            <option key={option} value={option}>
              {TIER_SHORT_LABELS[option]}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          className="px-2 py-1"
          disabled={pending}
          aria-label={`Assign ${target} to the chosen tier`}
          onClick={() =>
            startTransition(async () => {
              const rule = companyId ? { kind: "COMPANY" as const, companyId, tier, order: 0 } : { kind: "CONTACT" as const, contact: contactEmail!, tier, order: 0 };
              const outcome = await saveTierRule({ id: null, rule });
              setResult(outcome.ok ? { ok: true, text: `Assigned to ${TIER_SHORT_LABELS[tier]}` } : { ok: false, text: failureText(outcome) });
            })
          }
        >
          Assign
        </Button>
      </div>
      {result ? (
        <span role={result.ok ? "status" : "alert"} className={`text-xs ${result.ok ? "text-emerald-800" : "text-red-700"}`}>
          {result.text}
        </span>
      ) : null}
    </div>
  );
}
