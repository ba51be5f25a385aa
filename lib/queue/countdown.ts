import type { SlaState } from "@/lib/sla/sla-state";

// The live first-response timer a browser shows, from what the server computed when it rendered
// the page: the state and business minutes left at that moment, and the current phase of the
// ticket's calendar (open until its closing, or closed until its opening). Within one phase
// business time passes at the speed of the wall clock (open) or not at all (closed), so the
// timer needs no calendar: once the phase ends, the page asks the server again. Pure, and free
// of Intl, so that the server and the browser render the same first text.

export interface TimerInput {
  state: SlaState;
  /** At `renderedAt`. */
  businessMinutesLeft: number | null;
  /** ms since the epoch. */
  renderedAt: number;
  phase: { open: boolean; until: number } | null;
  dueSoonMinutes: number;
  targetMinutes: number | null;
}

export interface TimerView {
  state: SlaState;
  /** "3 h 05 min left", "12 min 04 s over"; empty when nothing ticks. */
  text: string;
  /** The phase is over: the server must say what comes next. */
  stale: boolean;
}

const TICKING: readonly SlaState[] = ["running", "due_soon", "breached", "paused"];

export function timerAt(input: TimerInput, now: number): TimerView {
  const { state, businessMinutesLeft: left0, phase } = input;
  if (!TICKING.includes(state) || left0 === null) return { state, text: answeredText(input), stale: false };
  const stale = phase !== null && now >= phase.until;
  const passed = phase?.open ? Math.max(0, Math.min(now, phase.until) - input.renderedAt) / 60_000 : 0;
  const left = left0 - passed;
  let live: SlaState;
  if (left < 0) live = "breached";
  else if (!phase?.open || state === "paused" || stale) live = "paused";
  else live = left <= input.dueSoonMinutes ? "due_soon" : "running";
  return { state: live, text: left < 0 ? `${formatBusinessTime(-left)} over` : `${formatBusinessTime(left)} left`, stale };
}

function answeredText({ state, businessMinutesLeft, targetMinutes }: TimerInput): string {
  if (businessMinutesLeft === null || targetMinutes === null) return "";
  const taken = targetMinutes - businessMinutesLeft;
  if (state === "met" && taken <= 0) return "answered before the clock started";
  if (state === "met") return `answered in ${formatBusinessTime(taken, false)}`;
  if (state === "met_late") return `answered ${formatBusinessTime(-businessMinutesLeft, false)} late`;
  return "";
}

/** Business minutes as "3 h 05 min", and under an hour with seconds ("42 min 07 s") when they tick. */
export function formatBusinessTime(minutes: number, seconds = true): string {
  const totalSeconds = Math.max(0, Math.floor(minutes * 60));
  const hours = Math.floor(totalSeconds / 3600);
  const mins = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  // Beyond ten hours the minutes say nothing more.
  if (hours >= 10) return `${hours} h`;
  if (hours > 0) return `${hours} h ${pad(mins)} min`;
  if (!seconds) return `${Math.max(mins, totalSeconds > 0 ? 1 : 0)} min`;
  return `${mins} min ${pad(secs)} s`;
}

export const SLA_STATE_LABELS: Record<SlaState, string> = {
  running: "Running",
  due_soon: "Due soon",
  breached: "Breached",
  paused: "Paused",
  met: "Met",
  met_late: "Met late",
  not_applicable: "No SLA",
};
