"use client";

import { useState, useTransition } from "react";
import { ActionMessage, failureText } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { deleteArrangement, saveArrangement } from "@/lib/actions/tiers";
import type { ArrangementView } from "@/lib/queue/tier-overview";
import { describeCalendar, type ArrangementCalendar } from "@/lib/tiers/arrangement-schema";

// Enterprise customers' arrangements: data an admin keeps up to date, not code.

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const STANDARD: ArrangementCalendar = { timeZone: "Europe/London", open: "09:00", close: "17:00", workdays: [1, 2, 3, 4, 5], observeHolidays: true };

export function ArrangementEditor({ arrangements, isAdmin }: { arrangements: ArrangementView[]; isAdmin: boolean }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState<ArrangementView | "new" | null>(null);
  const [removing, setRemoving] = useState<ArrangementView | null>(null);

  function run(action: () => Promise<{ ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }>, success: string, after?: () => void) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setMessage({ ok: true, text: success });
        after?.();
      } else setMessage({ ok: false, text: failureText(result) });
    });
  }

  return (
    <div className="space-y-4">
      {arrangements.length === 0 ? (
        <EmptyState title="No arrangements recorded">Enterprise tickets follow the standard SLA until an admin records what was agreed.</EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" data-testid="arrangements">
          {arrangements.map((arrangement) => (
            <li key={arrangement.companyId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="arrangement">
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-medium text-slate-900">
                  {arrangement.companyName ?? "Company"} <span className="text-sm font-normal text-slate-600">#{arrangement.companyId}</span>
                </h3>
                <span className="text-xs text-slate-600">{arrangement.openTickets} open</span>
              </div>
              <dl className="mt-2 space-y-1 text-sm">
                <div>
                  <dt className="inline font-medium text-slate-700">First response: </dt>
                  <dd className="inline text-slate-800">{arrangement.targetMinutes ? `${arrangement.targetMinutes} business minutes` : "standard (4 business hours)"}</dd>
                </div>
                <div>
                  <dt className="inline font-medium text-slate-700">Hours: </dt>
                  <dd className="inline text-slate-800">{arrangement.calendar ? describeCalendar(arrangement.calendar) : "FlowForge's"}</dd>
                </div>
                {arrangement.notes ? (
                  <div>
                    <dt className="font-medium text-slate-700">Arrangement</dt>
                    <dd className="whitespace-pre-line text-slate-800">{arrangement.notes}</dd>
                  </div>
                ) : null}
                {arrangement.contacts ? (
                  <div>
                    <dt className="font-medium text-slate-700">Contacts</dt>
                    <dd className="whitespace-pre-line text-slate-800">{arrangement.contacts}</dd>
                  </div>
                ) : null}
              </dl>
              {isAdmin ? (
                <div className="mt-3 flex gap-2">
                  <Button variant="secondary" className="px-2 py-1" onClick={() => setEditing(arrangement)} aria-label={`Edit the arrangement of ${arrangement.companyName ?? arrangement.companyId}`}>
                    Edit
                  </Button>
                  <Button variant="danger" className="px-2 py-1" onClick={() => setRemoving(arrangement)} aria-label={`Remove the arrangement of ${arrangement.companyName ?? arrangement.companyId}`}>
                    Remove
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {isAdmin ? (
        editing ? (
          <ArrangementForm
            key={editing === "new" ? "new" : editing.companyId}
            arrangement={editing === "new" ? null : editing}
            pending={pending}
            onCancel={() => setEditing(null)}
            onSave={(input) => run(() => saveArrangement(input), "Arrangement saved; Enterprise tickets are being recomputed.", () => setEditing(null))}
          />
        ) : (
          <Button variant="secondary" onClick={() => setEditing("new")}>
            Add an arrangement
          </Button>
        )
      ) : null}
      <ActionMessage message={message} />
      <ConfirmDialog
        open={removing !== null}
        title="Remove this arrangement?"
        confirmLabel="Remove"
        cancelLabel="Keep it"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const arrangement = removing;
          setRemoving(null);
          if (arrangement) run(() => deleteArrangement({ companyId: arrangement.companyId }), "Arrangement removed.");
        }}
      >
        Its tickets return to the standard SLA.
      </ConfirmDialog>
    </div>
  );
}

function ArrangementForm({
  arrangement,
  pending,
  onCancel,
  onSave,
}: {
  arrangement: ArrangementView | null;
  pending: boolean;
  onCancel: () => void;
  onSave: (input: Parameters<typeof saveArrangement>[0]) => void;
}) {
  const [ownHours, setOwnHours] = useState(Boolean(arrangement?.calendar));
  const calendar = arrangement?.calendar ?? STANDARD;
  const title = arrangement ? `Edit the arrangement of ${arrangement.companyName ?? arrangement.companyId}` : "Add an arrangement";
  return (
    <form
      className="rounded-lg border border-indigo-200 bg-white p-4"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? "");
        const target = text("targetMinutes").trim();
        onSave({
          companyId: arrangement?.companyId ?? text("companyId"),
          notes: text("notes"),
          contacts: text("contacts"),
          targetMinutes: target === "" ? null : Number(target),
          calendar: ownHours
            ? {
                timeZone: text("timeZone"),
                open: text("open"),
                close: text("close"),
                workdays: data.getAll("workdays").map(Number),
                observeHolidays: data.get("observeHolidays") === "on",
              }
            : null,
        });
      }}
    >
      <h3 className="font-medium text-slate-900">{title}</h3>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {arrangement ? null : (
          <label className="block text-sm text-slate-700">
            HubSpot company id
            <input name="companyId" required inputMode="numeric" className={field} />
          </label>
        )}
        <label className="block text-sm text-slate-700">
          First-response target (business minutes; empty: 240)
          <input name="targetMinutes" type="number" min={15} defaultValue={arrangement?.targetMinutes ?? ""} className={field} />
        </label>
        <label className="block text-sm text-slate-700 md:col-span-2">
          What was agreed
          <textarea name="notes" rows={3} defaultValue={arrangement?.notes ?? ""} className={field} />
        </label>
        <label className="block text-sm text-slate-700 md:col-span-2">
          Contacts
          <textarea name="contacts" rows={2} defaultValue={arrangement?.contacts ?? ""} className={field} />
        </label>
      </div>
      <label className="mt-3 flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={ownHours} onChange={(event) => setOwnHours(event.target.checked)} />
        Business hours of its own
      </label>
      {ownHours ? (
        <fieldset className="mt-2 grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-3">
          <legend className="px-1 text-sm font-medium text-slate-700">Hours</legend>
          <label className="block text-sm text-slate-700">
            Time zone
            <input name="timeZone" required defaultValue={calendar.timeZone} className={field} />
          </label>
          <label className="block text-sm text-slate-700">
            Opens
            <input name="open" type="time" required defaultValue={calendar.open} className={field} />
          </label>
          <label className="block text-sm text-slate-700">
            Closes
            <input name="close" type="time" required defaultValue={calendar.close} className={field} />
          </label>
          <fieldset className="md:col-span-3">
            <legend className="text-sm text-slate-700">Working days</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {DAYS.map((day, index) => (
                <label key={day} className="flex items-center gap-1 text-sm text-slate-700">
                  <input type="checkbox" name="workdays" value={index + 1} defaultChecked={calendar.workdays.includes(index + 1)} />
                  {day}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-center gap-2 text-sm text-slate-700 md:col-span-3">
            <input type="checkbox" name="observeHolidays" defaultChecked={calendar.observeHolidays} />
            Closed on bank holidays and team days off
          </label>
        </fieldset>
      ) : null}
      <div className="mt-4 flex gap-2">
        <Button type="submit" disabled={pending}>
          Save arrangement
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
