import { LocalTime } from "@/components/local-time";
import { formatBusinessTime } from "@/lib/queue/countdown";
import type { EntryKind, TimelineEntry, WriteView } from "@/lib/tickets/timeline";
import { LockIcon } from "./lock-icon";
import { RetryWrite } from "./retry-write";

// The conversation as one list. Colour and words say what each entry is: the customer (slate),
// a reply the customer received (indigo), an internal note only the team sees (amber, with a lock).

const KIND: Record<EntryKind, { label: string; box: string; badge: string }> = {
  CUSTOMER: { label: "Customer", box: "border-slate-300 bg-white", badge: "bg-slate-100 text-slate-800 ring-slate-300" },
  REPLY: { label: "Reply to customer", box: "border-indigo-500 bg-indigo-50/60", badge: "bg-indigo-100 text-indigo-900 ring-indigo-300" },
  NOTE: { label: "Internal note · not sent to the customer", box: "border-amber-500 bg-amber-50", badge: "bg-amber-100 text-amber-950 ring-amber-400" },
  CHANGE: { label: "Ticket change", box: "", badge: "" },
};

/** Formatting for sanitized HubSpot HTML (no typography plugin: just what messages use). */
const PROSE =
  "break-words text-sm leading-relaxed text-slate-900 [&_a]:text-indigo-800 [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1.5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_table]:my-2 [&_td]:border [&_td]:border-slate-200 [&_td]:px-1 [&_ul]:list-disc";

function WriteState({ write, what }: { write: WriteView; what: string }) {
  if (write.status === "SENT") return null;
  if (write.status === "PENDING") {
    return (
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid="write-pending">
        <span className="inline-flex items-center gap-1.5 rounded-full bg-white px-2 py-0.5 font-medium ring-1 ring-slate-300">
          <span aria-hidden="true" className="h-2 w-2 animate-pulse rounded-full bg-indigo-500" />
          Sending to HubSpot…
        </span>
        {write.lastError ? <span>Attempt {write.attempts} failed: {write.lastError}. Trying again.</span> : null}
        {write.canRetry ? <RetryWrite writeId={write.id} overwrite={false} label={`Retry ${what}`} /> : null}
      </div>
    );
  }
  return (
    <div className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-900" data-testid="write-failed">
      <p className="font-semibold">Not delivered to HubSpot</p>
      <p className="mt-0.5">{write.lastError ?? "No reason was recorded."}</p>
      {write.canRetry ? (
        <div className="mt-2">
          <RetryWrite writeId={write.id} overwrite={write.conflict} label={`Retry ${what}`} />
        </div>
      ) : null}
    </div>
  );
}

export function Timeline({ entries, zone }: { entries: TimelineEntry[]; zone: string }) {
  return (
    <ol className="space-y-3" data-testid="timeline">
      {entries.map((entry) => {
        const kind = KIND[entry.kind];
        const when = <LocalTime iso={entry.at.toISOString()} zone={zone} />;
        if (entry.kind === "CHANGE") {
          return (
            <li key={entry.key} className="px-1 text-sm text-slate-700" data-kind="CHANGE">
              <span className="font-medium text-slate-900">{entry.author}</span> <span dangerouslySetInnerHTML={{ __html: entry.html }} /> ·{" "}
              <span className="text-slate-600">{when}</span>
              {entry.write ? <WriteState write={entry.write} what="this ticket change" /> : null}
            </li>
          );
        }
        return (
          <li key={entry.key} data-kind={entry.kind}>
            <article className={`rounded-lg border border-l-4 p-3 sm:p-4 ${kind.box}`} aria-label={`${kind.label} from ${entry.author}`}>
              <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${kind.badge}`}>
                  {entry.kind === "NOTE" ? <LockIcon /> : null}
                  {kind.label}
                </span>
                <span className="font-medium text-slate-900">{entry.author}</span>
                {entry.detail ? <span className="text-slate-600">{entry.detail}</span> : null}
                <span className="ml-auto text-slate-600">{when}</span>
              </header>
              {entry.businessMinutesSincePrevious !== null ? (
                <p className="mt-0.5 text-xs text-slate-600">
                  {entry.businessMinutesSincePrevious < 1
                    ? "Less than a minute of business time after the previous message"
                    : `${formatBusinessTime(entry.businessMinutesSincePrevious, false)} business time after the previous message`}
                </p>
              ) : null}
              <div className={`mt-2 ${PROSE}`} dangerouslySetInnerHTML={{ __html: entry.html }} />
              {entry.write ? <WriteState write={entry.write} what={entry.kind === "NOTE" ? "this note" : "this reply"} /> : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

export function TimelineLoading() {
  return (
    <div aria-busy="true" className="space-y-3" data-testid="timeline-loading">
      <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
        <span aria-hidden="true" className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
        Reading the conversation from HubSpot…
      </p>
      {[0, 1, 2].map((index) => (
        <div key={index} aria-hidden="true" className="animate-pulse rounded-lg border border-l-4 border-slate-200 bg-white p-4">
          <div className="h-3 w-40 rounded bg-slate-200" />
          <div className="mt-3 h-3 w-full rounded bg-slate-100" />
          <div className="mt-2 h-3 w-2/3 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}
