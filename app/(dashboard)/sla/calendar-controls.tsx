"use client";

import { useState, useTransition } from "react";
import { ActionMessage, failureText } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { addHoliday, removeHoliday, saveSlaSettings } from "@/lib/actions/sla";
import type { ActionResult } from "@/lib/actions/safe-action";

// The due-soon threshold and the team's own days off. Members see them; admins change them.

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

export function CalendarControls({ isAdmin, dueSoonMinutes, daysOff }: { isAdmin: boolean; dueSoonMinutes: number; daysOff: { date: string; name: string; label: string }[] }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>, success: string, form?: HTMLFormElement) {
    setMessage(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setMessage({ ok: true, text: success });
        form?.reset();
      } else {
        setMessage({ ok: false, text: failureText(result) });
      }
    });
  }

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-medium text-slate-900">Due soon</h3>
        {isAdmin ? (
          <form
            className="mt-2 flex items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const minutes = Number(new FormData(event.currentTarget).get("dueSoonMinutes"));
              run(() => saveSlaSettings({ dueSoonMinutes: minutes }), `Timers now turn "due soon" with ${minutes} business minutes left.`);
            }}
          >
            <label className="block text-sm text-slate-700">
              Business minutes left
              <input name="dueSoonMinutes" type="number" min={5} max={480} required defaultValue={dueSoonMinutes} className={input} />
            </label>
            <Button type="submit" variant="secondary" disabled={pending}>
              Save
            </Button>
          </form>
        ) : (
          <p className="mt-2 text-sm text-slate-700">A timer turns &ldquo;due soon&rdquo; with {dueSoonMinutes} business minutes left. Admins can change this.</p>
        )}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-medium text-slate-900">Team days off</h3>
        <p className="mt-1 text-sm text-slate-600">Days without business hours on top of bank holidays.</p>
        {daysOff.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">None added.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="days-off">
            {daysOff.map((day) => (
              <li key={day.date} className="flex items-center justify-between gap-2 py-1.5">
                <span>
                  <span className="font-medium text-slate-900">{day.label}</span> <span className="text-slate-600">{day.name}</span>
                </span>
                {isAdmin ? (
                  <Button variant="danger" className="px-2 py-1" disabled={pending} aria-label={`Remove ${day.name} on ${day.label}`} onClick={() => run(() => removeHoliday({ date: day.date }), `Removed ${day.name}.`)}>
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {isAdmin ? (
          <form
            className="mt-3 grid grid-cols-[1fr_1fr_auto] items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const data = new FormData(form);
              run(() => addHoliday({ date: String(data.get("date")), name: String(data.get("name")) }), "Day off added; due times are being recomputed.", form);
            }}
          >
            <label className="block text-sm text-slate-700">
              Date
              <input name="date" type="date" required className={input} />
            </label>
            <label className="block text-sm text-slate-700">
              Name
              <input name="name" required maxLength={80} placeholder="Company day off" className={input} />
            </label>
            <Button type="submit" variant="secondary" disabled={pending}>
              Add
            </Button>
          </form>
        ) : null}
      </div>
      <ActionMessage message={message} className="md:col-span-2" />
    </div>
  );
}
