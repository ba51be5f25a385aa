"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { resolveDocsGap } from "@/lib/actions/docs-gaps";

/** Marks a gap resolved, optionally with the article that now covers it. */
export function ResolveGap({ id, topic }: { id: string; topic: string }) {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Resolve: ${topic}`}>
        Resolve…
      </Button>
    );
  }
  return (
    <form
      className="flex w-full flex-wrap items-end gap-2 sm:w-auto"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await resolveDocsGap({ id, articleUrl: url });
          if (!result.ok) setError(result.fieldErrors?.articleUrl?.[0] ?? result.error);
        });
      }}
    >
      <div className="min-w-56 flex-1">
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">
          Article that covers it (optional)
        </label>
        <input id={inputId} type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://flowfuse.com/docs/…" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Mark resolved"}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
