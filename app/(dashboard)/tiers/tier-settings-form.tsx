"use client";

import { useState, useTransition } from "react";
import { ActionMessage, failureText } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { saveTierSettings } from "@/lib/actions/tiers";

export function TierSettingsForm({ isAdmin, companyTierProperty }: { isAdmin: boolean; companyTierProperty: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!isAdmin) {
    return (
      <p className="text-sm text-slate-700">
        Company property rules read the HubSpot company property <code className="rounded bg-slate-100 px-1">{companyTierProperty}</code>.
      </p>
    );
  }
  return (
    <form
      className="rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("companyTierProperty") ?? "");
        setMessage(null);
        startTransition(async () => {
          const result = await saveTierSettings({ companyTierProperty: value });
          setMessage(result.ok ? { ok: true, text: `Company property rules now read ${result.data.companyTierProperty}.` } : { ok: false, text: failureText(result) });
        });
      }}
    >
      <p className="text-sm text-slate-600">The HubSpot company property the company property rules read (its internal name). The sync must fetch it too.</p>
      <div className="mt-2 flex items-end gap-2">
        <label className="block text-sm text-slate-700">
          Internal name
          <input
            name="companyTierProperty"
            required
            defaultValue={companyTierProperty}
            pattern="[a-z][a-z0-9_]*"
            className="mt-1 block w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
          />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          Save
        </Button>
      </div>
      <ActionMessage message={message} className="mt-2" />
    </form>
  );
}
