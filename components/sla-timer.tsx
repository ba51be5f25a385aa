"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { SLA_STATE_LABELS, timerAt, type TimerInput } from "@/lib/queue/countdown";
import type { SlaState } from "@/lib/sla/sla-state";

// A ticket's first-response timer, ticking in the browser. The server renders it at its own
// `renderedAt` and the first browser render uses the same instant (the server snapshot below), so
// nothing changes on hydration; only then does it follow the clock, one shared interval for the
// page. When the calendar's phase ends (closing or opening time), the page is refreshed once so
// that the server, the source of truth, says what comes next.

const TONES: Record<SlaState, BadgeTone> = {
  running: "info",
  due_soon: "warn",
  breached: "bad",
  paused: "neutral",
  met: "good",
  met_late: "warn",
  not_applicable: "neutral",
};

const listeners = new Set<() => void>();
let ticker: ReturnType<typeof setInterval> | undefined;
let clock = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  clock = Date.now();
  ticker ??= setInterval(() => {
    clock = Date.now();
    for (const notify of listeners) notify();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

let lastRefresh = 0;

export interface SlaTimerProps extends Omit<TimerInput, "renderedAt" | "phase"> {
  renderedAt: string;
  phase: { open: boolean; until: string } | null;
  /** Shown under the timer, formatted by the server: "due Mon 16 Mar, 14:00", "resumes 09:00". */
  detail?: string;
}

export function SlaTimer({ renderedAt, phase, detail, ...rest }: SlaTimerProps) {
  const router = useRouter();
  const input: TimerInput = { ...rest, renderedAt: Date.parse(renderedAt), phase: phase ? { open: phase.open, until: Date.parse(phase.until) } : null };
  // The browser's clock may be off from the server's: count the time since this timer mounted.
  const [mountedAt] = useState(() => Date.now());
  const tick = useSyncExternalStore(subscribe, () => clock, () => null);
  const now = tick === null ? input.renderedAt : input.renderedAt + Math.max(0, tick - mountedAt);
  const view = timerAt(input, now);

  useEffect(() => {
    if (!view.stale || Date.now() - lastRefresh < 30_000) return;
    lastRefresh = Date.now();
    router.refresh();
  }, [view.stale, router]);

  return (
    <span className="inline-flex flex-col items-start gap-0.5" data-testid="sla-timer" data-state={view.state}>
      <Badge tone={TONES[view.state]}>{SLA_STATE_LABELS[view.state]}</Badge>
      {view.text ? <span className="whitespace-nowrap text-xs tabular-nums text-slate-700">{view.text}</span> : null}
      {detail && view.state === rest.state ? <span className="whitespace-nowrap text-xs text-slate-600">{detail}</span> : null}
    </span>
  );
}
