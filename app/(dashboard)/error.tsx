"use client";

import { Button } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-red-800">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-700">
        Something went wrong on our side. Try again; if it keeps failing, the server logs have the details
        {error.digest ? (
          <>
            {" "}
            (reference <code className="rounded bg-slate-100 px-1">{error.digest}</code>)
          </>
        ) : null}
        .
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
