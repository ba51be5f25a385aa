"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryWrite } from "@/lib/actions/tickets";

/** Sends a failed write again: the same intent, looked for in HubSpot before it is written. */
export function RetryWrite({ writeId, overwrite, label }: { writeId: string; overwrite: boolean; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await retryWrite({ writeId, overwrite });
            if (!result.ok) setError(result.error);
          })
        }
      >
        {pending ? "Retrying…" : overwrite ? "Retry and overwrite" : "Retry"}
      </Button>
      {error ? (
        <span className="text-xs text-red-700" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
