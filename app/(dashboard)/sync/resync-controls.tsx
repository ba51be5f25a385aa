"use client";

import { useState, useTransition } from "react";
import { resync } from "@/lib/actions/sync";
import type { ResyncMode } from "@/lib/actions/sync-schema";
import { Button } from "@/components/ui/button";

/** Admins only: queue a reconciliation now, or (after confirming) a full backfill. */
export function ResyncControls({ ticketCount }: { ticketCount: number }) {
  const [pending, startTransition] = useTransition();
  const [confirmFull, setConfirmFull] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function run(mode: ResyncMode) {
    setMessage(null);
    setConfirmFull(false);
    startTransition(async () => {
      const result = await resync({ mode });
      if (!result.ok) setMessage({ tone: "error", text: result.error });
      else if (result.data.alreadyQueued) setMessage({ tone: "ok", text: "A run is already waiting to start; it will pick up every change." });
      else setMessage({ tone: "ok", text: mode === "full" ? "Full backfill queued." : "Resync queued: the worker starts it within seconds." });
    });
  }

  return (
    <div className="mb-6">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => run("reconcile")} disabled={pending}>
          {pending ? "Queuing…" : "Resync"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirmFull((open) => !open)} disabled={pending} aria-expanded={confirmFull} aria-controls="full-backfill">
          Full backfill…
        </Button>
        <p aria-live="polite" className={`text-sm ${message?.tone === "error" ? "text-red-700" : "text-slate-700"}`}>
          {message?.text}
        </p>
      </div>
      {confirmFull ? (
        <div id="full-backfill" role="group" aria-labelledby="full-backfill-warning" className="mt-3 max-w-xl rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p id="full-backfill-warning" className="text-amber-950">
            Read all {ticketCount.toLocaleString("en-GB")} tickets from HubSpot again? It spends the API budget for a while, and Resync is
            usually enough.
          </p>
          <div className="mt-2 flex gap-2">
            <Button variant="danger" onClick={() => run("full")} disabled={pending}>
              Start full backfill
            </Button>
            <Button variant="secondary" onClick={() => setConfirmFull(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
