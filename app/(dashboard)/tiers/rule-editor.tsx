"use client";

import { useState, useTransition } from "react";
import { TIER_SHORT_LABELS, TierBadge } from "@/components/tier-badge";
import { ActionMessage, failureText } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteTierRule, moveTierRule, saveTierRule } from "@/lib/actions/tiers";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { RuleView } from "@/lib/queue/tier-overview";
import { RULE_KINDS, type RuleKind, type TierRule, type TierRuleInput } from "@/lib/tiers/rule-schema";
import { ASSIGNABLE_TIERS, type AssignableTier } from "@/lib/tiers/tier";

// The tier rules: a read-only table for members; for admins, edit, reorder within a kind, delete,
// and add. The server actions check the role again: hiding the controls is not the protection.

const KIND_LABELS: Record<RuleKind, string> = {
  CONTACT: "Contact assignments",
  COMPANY: "Company assignments",
  COMPANY_PROPERTY: "Company property",
  EMAIL_DOMAIN: "Email domains",
};

const KIND_OPTIONS: Record<RuleKind, string> = {
  CONTACT: "A contact (email or HubSpot id)",
  COMPANY: "A company (HubSpot id)",
  COMPANY_PROPERTY: "Company property values",
  EMAIL_DOMAIN: "An email domain",
};

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

type Message = { ok: boolean; text: string } | null;

export function RuleEditor({ rules, isAdmin, companyTierProperty }: { rules: RuleView[]; isAdmin: boolean; companyTierProperty: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<Message>(null);
  const [editing, setEditing] = useState<TierRule | "new" | null>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>, success: string, after?: () => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setMessage({ ok: true, text: success });
        after?.();
      } else {
        setMessage({ ok: false, text: failureText(result) });
      }
    });
  }

  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="tier-rules">
          <caption className="sr-only">Tier rules, in the order they apply</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2.5">When</th>
              <th scope="col" className="px-3 py-2.5">Tier</th>
              <th scope="col" className="px-3 py-2.5">Deciding now</th>
              {isAdmin ? <th scope="col" className="px-3 py-2.5">Change</th> : null}
            </tr>
          </thead>
          {RULE_KINDS.map((kind) => {
            const ofKind = rules.filter((view) => view.rule.kind === kind);
            return (
              <tbody key={kind} className="divide-y divide-slate-100">
                <tr className="bg-slate-50/60">
                  <th scope="rowgroup" colSpan={isAdmin ? 4 : 3} className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">
                    {RULE_KINDS.indexOf(kind) + 1}. {KIND_LABELS[kind]}
                    {kind === "COMPANY_PROPERTY" ? ` (${companyTierProperty})` : ""}
                  </th>
                </tr>
                {ofKind.length === 0 ? (
                  <tr>
                    <td colSpan={isAdmin ? 4 : 3} className="px-3 py-2 text-slate-600">
                      None
                    </td>
                  </tr>
                ) : (
                  ofKind.map((view) => (
                    <tr key={view.rule.id} data-testid="tier-rule" data-rule-id={view.rule.id}>
                      <td className="px-3 py-2 text-slate-900">{view.when}</td>
                      <td className="px-3 py-2">
                        <TierBadge tier={view.rule.tier} />
                      </td>
                      <td className="px-3 py-2 tabular-nums text-slate-700">
                        {view.openTickets} open ticket{view.openTickets === 1 ? "" : "s"}
                      </td>
                      {isAdmin ? (
                        <td className="px-3 py-2">
                          <div className="flex flex-wrap gap-1">
                            <Button variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => setEditing(view.rule)} aria-label={`Edit: ${view.when}`}>
                              Edit
                            </Button>
                            <Button
                              variant="secondary"
                              className="px-2 py-1"
                              disabled={pending || view.index === 0}
                              onClick={() => run(() => moveTierRule({ id: view.rule.id, direction: "up" }), "Rule moved up.")}
                              aria-label={`Move up: ${view.when}`}
                            >
                              ↑
                            </Button>
                            <Button
                              variant="secondary"
                              className="px-2 py-1"
                              disabled={pending || view.index === view.ofKind - 1}
                              onClick={() => run(() => moveTierRule({ id: view.rule.id, direction: "down" }), "Rule moved down.")}
                              aria-label={`Move down: ${view.when}`}
                            >
                              ↓
                            </Button>
                            <Button variant="danger" className="px-2 py-1" disabled={pending} onClick={() => setDeleting(view)} aria-label={`Delete: ${view.when}`}>
                              Delete
                            </Button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))
                )}
              </tbody>
            );
          })}
        </table>
      </div>
      {isAdmin ? (
        editing ? (
          <RuleForm
            key={editing === "new" ? "new" : editing.id}
            rule={editing === "new" ? null : editing}
            pending={pending}
            onCancel={() => setEditing(null)}
            onSave={(id, rule) => run(() => saveTierRule({ id, rule }), id ? "Rule saved; tickets are being recomputed." : "Rule added; tickets are being recomputed.", () => setEditing(null))}
          />
        ) : (
          <Button onClick={() => setEditing("new")}>Add a rule</Button>
        )
      ) : null}
      <ActionMessage message={message} />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this rule?"
        confirmLabel="Delete rule"
        cancelLabel="Keep it"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const view = deleting;
          setDeleting(null);
          if (view) run(() => deleteTierRule({ id: view.rule.id }), "Rule deleted; tickets are being recomputed.");
        }}
      >
        {deleting ? `“${deleting.when} → ${TIER_SHORT_LABELS[deleting.rule.tier]}” decides ${deleting.openTickets} open tickets now; they will follow the next matching rule.` : null}
      </ConfirmDialog>
    </div>
  );
}

function RuleForm({
  rule,
  pending,
  onCancel,
  onSave,
}: {
  rule: TierRule | null;
  pending: boolean;
  onCancel: () => void;
  onSave: (id: string | null, rule: TierRuleInput) => void;
}) {
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? "COMPANY");
  const title = rule ? "Edit the rule" : "Add a rule";
  return (
    <form
      className="rounded-lg border border-indigo-200 bg-white p-4"
      aria-label={title}
      data-testid="rule-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? "");
        const common = { tier: text("tier") as AssignableTier, order: rule?.order ?? 0 };
        const input: TierRuleInput =
          kind === "CONTACT"
            ? { kind, contact: text("contact"), ...common }
            : kind === "COMPANY"
              ? { kind, companyId: text("companyId"), ...common }
              : kind === "COMPANY_PROPERTY"
                ? { kind, values: text("values").split(",").map((value) => value.trim()).filter(Boolean), ...common }
                : { kind, domain: text("domain"), includeSubdomains: data.get("includeSubdomains") === "on", ...common };
        onSave(rule?.id ?? null, input);
      }}
    >
      <h3 className="font-medium text-slate-900">{title}</h3>
      <div className="mt-3 grid gap-3 md:grid-cols-3">
        <label className="block text-sm text-slate-700">
          When the customer is
          <select name="kind" value={kind} onChange={(event) => setKind(event.target.value as RuleKind)} className={field}>
            {RULE_KINDS.map((option) => (
              <option key={option} value={option}>
                {KIND_OPTIONS[option]}
              </option>
            ))}
          </select>
        </label>
        {kind === "CONTACT" ? (
          <label className="block text-sm text-slate-700">
            Contact email or id
            <input name="contact" required defaultValue={rule?.kind === "CONTACT" ? rule.contact : ""} className={field} />
          </label>
        ) : kind === "COMPANY" ? (
          <label className="block text-sm text-slate-700">
            HubSpot company id
            <input name="companyId" required inputMode="numeric" defaultValue={rule?.kind === "COMPANY" ? rule.companyId : ""} className={field} />
          </label>
        ) : kind === "COMPANY_PROPERTY" ? (
          <label className="block text-sm text-slate-700">
            Property values (comma-separated)
            <input name="values" required defaultValue={rule?.kind === "COMPANY_PROPERTY" ? rule.values.join(", ") : ""} className={field} />
          </label>
        ) : (
          <div className="text-sm text-slate-700">
            <label className="block">
              Domain
              <input name="domain" required placeholder="acme.com" defaultValue={rule?.kind === "EMAIL_DOMAIN" ? rule.domain : ""} className={field} />
            </label>
            <label className="mt-1 flex items-center gap-2">
              <input type="checkbox" name="includeSubdomains" defaultChecked={rule?.kind === "EMAIL_DOMAIN" ? rule.includeSubdomains : true} />
              and its subdomains
            </label>
          </div>
        )}
        <label className="block text-sm text-slate-700">
          Tier
          <select name="tier" defaultValue={rule?.tier ?? "MANAGED"} className={field}>
            {ASSIGNABLE_TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {TIER_SHORT_LABELS[tier]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-4 flex gap-2">
        <Button type="submit" disabled={pending}>
          Save rule
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
