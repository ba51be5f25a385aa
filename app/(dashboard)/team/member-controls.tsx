"use client";

import { useState, useTransition } from "react";
import { setRemoved, setRole } from "@/lib/actions/team";
import type { ActionResult } from "@/lib/actions/safe-action";
import { Button } from "@/components/ui/button";

export function MemberControls({ userId, email, role, removed }: { userId: string; email: string; role: "MEMBER" | "ADMIN"; removed: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error);
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      <select
        id={`role-${userId}`}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        value={role}
        disabled={pending || removed}
        onChange={(event) => run(() => setRole({ userId, role: event.target.value as "MEMBER" | "ADMIN" }))}
      >
        <option value="MEMBER">Member</option>
        <option value="ADMIN">Admin</option>
      </select>
      <Button
        variant={removed ? "secondary" : "danger"}
        disabled={pending}
        onClick={() => run(() => setRemoved({ userId, removed: !removed }))}
        aria-label={`${removed ? "Restore" : "Remove"} ${email}`}
      >
        {removed ? "Restore" : "Remove"}
      </Button>
      {error ? (
        <p className="w-full text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
