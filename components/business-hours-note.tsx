import { formatUkInstant } from "@/lib/queue/dates";
import type { CalendarPhase } from "@/lib/queue/sla-config";

/** Whether the SLA clock runs now: during business hours, or paused until the next opening (best effort). */
export function BusinessHoursNote({ phase, now }: { phase: CalendarPhase; now: Date }) {
  return (
    <p
      className={`mb-4 rounded-lg border px-4 py-2.5 text-sm ${phase.open ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-slate-300 bg-slate-50 text-slate-800"}`}
      data-testid="business-hours"
    >
      {phase.open ? (
        <>
          <span className="font-semibold">Business hours:</span> timers run until {formatUkInstant(phase.until, now)} UK time.
        </>
      ) : (
        <>
          <span className="font-semibold">Outside business hours:</span> timers are paused until {formatUkInstant(phase.until, now)} UK time. Anything answered now is
          best effort and never counts as a breach.
        </>
      )}
    </p>
  );
}
