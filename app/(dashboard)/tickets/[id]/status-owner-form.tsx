"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { changeTicket } from "@/lib/actions/tickets";

const UNASSIGNED = "";

/** Status (the pipeline stage) and owner, written to HubSpot through the outbox. */
export function StatusOwnerForm({
  ticketId,
  stageId,
  ownerId,
  stages,
  owners,
  pending,
}: {
  ticketId: string;
  stageId: string | null;
  ownerId: string | null;
  stages: { id: string; label: string; closed: boolean }[];
  owners: { id: string; name: string }[];
  /** A change is on its way to HubSpot. */
  pending: boolean;
}) {
  const [stage, setStage] = useState(stageId ?? "");
  const [owner, setOwner] = useState(ownerId ?? UNASSIGNED);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saving, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const changed = stage !== (stageId ?? "") || owner !== (ownerId ?? UNASSIGNED);

  function save(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await changeTicket({
        ticketId,
        idempotencyKey: key,
        ...(stage !== (stageId ?? "") ? { stageId: stage } : {}),
        ...(owner !== (ownerId ?? UNASSIGNED) ? { ownerId: owner === UNASSIGNED ? null : owner } : {}),
      });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.error });
        return;
      }
      setKey(crypto.randomUUID());
      setMessage({ tone: "ok", text: "Saving to HubSpot…" });
    });
  }

  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
  return (
    <form onSubmit={save} className="flex flex-wrap items-end gap-3" aria-label="Status and owner">
      <div className="min-w-40 flex-1">
        <label htmlFor="ticket-status" className="text-xs font-medium uppercase tracking-wide text-slate-600">
          Status
        </label>
        <select id="ticket-status" className={select} value={stage} onChange={(event) => setStage(event.target.value)} disabled={saving}>
          {stageId === null ? <option value="">Unknown</option> : null}
          {stages.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
              {option.closed ? " (closes the ticket)" : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40 flex-1">
        <label htmlFor="ticket-owner" className="text-xs font-medium uppercase tracking-wide text-slate-600">
          Owner
        </label>
        <select id="ticket-owner" className={select} value={owner} onChange={(event) => setOwner(event.target.value)} disabled={saving}>
          <option value={UNASSIGNED}>Unassigned</option>
          {owners.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={!changed || saving}>
        {saving ? "Saving…" : "Save to HubSpot"}
      </Button>
      <p aria-live="polite" className={`w-full text-sm ${message?.tone === "error" ? "text-red-700" : "text-slate-600"}`}>
        {message?.tone === "error" ? message.text : pending ? "A change is on its way to HubSpot; the conversation below shows its progress." : message?.text}
      </p>
    </form>
  );
}
