"use client";

import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { recordDocsGap } from "@/lib/actions/docs-gaps";
import { addNote, sendReply } from "@/lib/actions/tickets";
import { hasDocumentationLink } from "@/lib/docs/links";
import { renderTemplate, TEMPLATE_FIELDS, type TemplateContext } from "@/lib/replies/template";
import type { ReplyRoute } from "@/lib/tickets/reply-context";
import { LockIcon } from "./lock-icon";

// Two modes that cannot be confused: an internal note (amber, a lock, "only the team sees this")
// and a reply to the customer (indigo, the recipient and channel spelled out before sending).
// Each mode keeps its own draft, so switching never carries a note into a reply.

type Mode = "note" | "reply";

export interface ComposerProps {
  ticketId: string;
  subject: string;
  route: ReplyRoute;
  suggestions: { title: string; url: string; matched: string[] }[];
  savedReplies: { id: string; title: string; body: string }[];
  templateContext: TemplateContext;
}

const MODES: { mode: Mode; label: string }[] = [
  { mode: "note", label: "Internal note" },
  { mode: "reply", label: "Reply to customer" },
];

export function Composer(props: ComposerProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("note");
  const tabs = useRef<Record<Mode, HTMLButtonElement | null>>({ note: null, reply: null });

  function onTabKey(event: React.KeyboardEvent) {
    const other: Mode = mode === "note" ? "reply" : "note";
    const next = { ArrowRight: other, ArrowLeft: other, Home: "note", End: "reply" }[event.key] as Mode | undefined;
    if (!next) return;
    event.preventDefault();
    setMode(next);
    tabs.current[next]?.focus();
  }

  return (
    <div className={`rounded-lg border-2 bg-white ${mode === "note" ? "border-amber-400" : "border-indigo-400"}`} data-testid="composer" data-mode={mode}>
      <div role="tablist" aria-label="Write" className="flex border-b border-slate-200" onKeyDown={onTabKey}>
        {MODES.map((tab) => {
          const selected = tab.mode === mode;
          const colours = tab.mode === "note" ? "text-amber-900 border-amber-600 bg-amber-50" : "text-indigo-900 border-indigo-600 bg-indigo-50";
          return (
            <button
              key={tab.mode}
              ref={(element) => {
                tabs.current[tab.mode] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${tab.mode}`}
              aria-selected={selected}
              aria-controls={`${id}-panel-${tab.mode}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setMode(tab.mode)}
              className={`-mb-px flex-1 border-b-2 px-4 py-2.5 text-sm font-semibold sm:flex-none ${selected ? colours : "border-transparent text-slate-700 hover:bg-slate-50"}`}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel-note`} aria-labelledby={`${id}-tab-note`} hidden={mode !== "note"}>
        <NoteForm ticketId={props.ticketId} />
      </div>
      <div role="tabpanel" id={`${id}-panel-reply`} aria-labelledby={`${id}-tab-reply`} hidden={mode !== "reply"}>
        <ReplyForm {...props} />
      </div>
    </div>
  );
}

function useSubmission() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  return { key, renew: () => setKey(crypto.randomUUID()), pending, startTransition, message, setMessage };
}

function Status({ message }: { message: { tone: "ok" | "error"; text: string } | null }) {
  return (
    <p aria-live="polite" className={`min-h-5 text-sm ${message?.tone === "error" ? "text-red-700" : "text-slate-700"}`}>
      {message?.text}
    </p>
  );
}

function NoteForm({ ticketId }: { ticketId: string }) {
  const id = useId();
  const [text, setText] = useState("");
  const submission = useSubmission();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    submission.setMessage(null);
    submission.startTransition(async () => {
      const result = await addNote({ ticketId, text, idempotencyKey: submission.key });
      if (!result.ok) {
        submission.setMessage({ tone: "error", text: result.fieldErrors?.text?.[0] ?? result.error });
        return;
      }
      setText("");
      submission.renew();
      submission.setMessage({ tone: "ok", text: "Internal note added. It is being saved to the HubSpot ticket." });
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3 p-4">
      <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-300">
        <span className="mt-0.5">
          <LockIcon />
        </span>
        <span>
          <strong>Only the team sees this.</strong> It is saved as a note on the HubSpot ticket and never sent to the customer.
        </span>
      </p>
      <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-900">
        Internal note
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={4}
        className="block w-full rounded-md border border-amber-300 bg-amber-50/40 p-2 text-sm text-slate-900"
        placeholder="What you found, what you tried, what comes next…"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="note" disabled={submission.pending || text.trim() === ""}>
          {submission.pending ? "Adding…" : "Add internal note"}
        </Button>
        <Status message={submission.message} />
      </div>
    </form>
  );
}

function ReplyForm({ ticketId, subject, route, suggestions, savedReplies, templateContext }: ComposerProps) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [templateWarning, setTemplateWarning] = useState<string | null>(null);
  const submission = useSubmission();

  if (!route.available) {
    return (
      <div className="p-4">
        <p className={`rounded-md px-3 py-2 text-sm ring-1 ${route.loading ? "bg-slate-50 text-slate-700 ring-slate-200" : "bg-red-50 text-red-900 ring-red-200"}`} data-testid="reply-unavailable">
          {route.reason}
        </p>
      </div>
    );
  }
  const recipient = route.recipient.name ?? route.recipient.deliveryIdentifier?.value ?? "the customer";

  function insert(snippet: string) {
    const element = textarea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const before = text.slice(0, start);
    const spacer = before && !/\s$/.test(before) ? " " : "";
    setText(`${before}${spacer}${snippet}${text.slice(end)}`);
    requestAnimationFrame(() => element?.focus());
  }

  function insertSavedReply(replyId: string) {
    const saved = savedReplies.find((candidate) => candidate.id === replyId);
    if (!saved) return;
    const rendered = renderTemplate(saved.body, templateContext);
    setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${rendered.text}` : rendered.text));
    setTemplateWarning(
      rendered.missing.length > 0 ? `No value for ${rendered.missing.map((field) => TEMPLATE_FIELDS[field]).join(", ")}: check the text before sending.` : null,
    );
  }

  function send(withoutDocs: boolean) {
    setConfirming(false);
    submission.setMessage(null);
    submission.startTransition(async () => {
      const result = await sendReply({ ticketId, text, idempotencyKey: submission.key, withoutDocs });
      if (!result.ok) {
        submission.setMessage({ tone: "error", text: result.fieldErrors?.text?.[0] ?? result.error });
        return;
      }
      setText("");
      setTemplateWarning(null);
      submission.renew();
      submission.setMessage({ tone: "ok", text: `Reply to ${recipient} queued: it goes out through HubSpot in a moment.` });
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (hasDocumentationLink(text)) send(false);
    else setConfirming(true);
  }

  return (
    <>
      <form onSubmit={submit} className="space-y-3 p-4">
        <dl className="grid gap-1 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950 ring-1 ring-indigo-200 sm:grid-cols-[auto_1fr] sm:gap-x-3" data-testid="reply-route">
          <dt className="font-semibold">To</dt>
          <dd>
            {recipient}
            {route.recipient.deliveryIdentifier && route.recipient.deliveryIdentifier.value !== recipient ? (
              <span className="text-indigo-800"> &lt;{route.recipient.deliveryIdentifier.value}&gt;</span>
            ) : null}{" "}
            by {route.channelName}
          </dd>
          <dt className="font-semibold">From</dt>
          <dd>
            {route.sender.name}
            {route.sender.onBehalf ? <span className="text-indigo-800"> (the ticket&apos;s owner: you have no HubSpot seat)</span> : null}
          </dd>
        </dl>

        <div className="flex flex-wrap items-end gap-3">
          {savedReplies.length > 0 ? (
            <div>
              <label htmlFor={`${id}-saved`} className="block text-xs font-medium uppercase tracking-wide text-slate-600">
                Saved reply
              </label>
              <select
                id={`${id}-saved`}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                value=""
                onChange={(event) => insertSavedReply(event.target.value)}
              >
                <option value="">Insert a saved reply…</option>
                {savedReplies.map((saved) => (
                  <option key={saved.id} value={saved.id}>
                    {saved.title}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="text-xs text-slate-600">No saved replies yet: admins add them under Saved replies.</p>
          )}
        </div>
        {templateWarning ? (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-300">
            {templateWarning}
          </p>
        ) : null}

        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-900">
          Reply to customer <span className="font-normal text-slate-600">(sent to {recipient})</span>
        </label>
        <textarea
          id={`${id}-text`}
          ref={textarea}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={6}
          className="block w-full rounded-md border border-indigo-300 p-2 text-sm text-slate-900"
          placeholder={`Hi ${templateContext["contact.firstName"] ?? "there"},`}
        />

        <DocsHelp ticketId={ticketId} subject={subject} suggestions={suggestions} onInsert={(title, url) => insert(`${title}: ${url}`)} />

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={submission.pending || text.trim() === ""}>
            {submission.pending ? "Sending…" : `Send reply to ${recipient}`}
          </Button>
          <Status message={submission.message} />
        </div>

      </form>
      {/* Outside the form: its buttons must not submit the reply. */}
      <ConfirmDialog
        open={confirming}
        title="Send without a documentation link?"
        confirmLabel="Send without a link"
        cancelLabel="Add a link first"
        onConfirm={() => send(true)}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Replies should point the customer to FlowForge documentation or articles, and this one has no link. Insert a suggested article, or, if none
          exists for this question, record a docs gap so that someone writes it.
        </p>
      </ConfirmDialog>
    </>
  );
}

function DocsHelp({
  ticketId,
  subject,
  suggestions,
  onInsert,
}: {
  ticketId: string;
  subject: string;
  suggestions: ComposerProps["suggestions"];
  onInsert: (title: string, url: string) => void;
}) {
  const id = useId();
  const [gapOpen, setGapOpen] = useState(false);
  const [topic, setTopic] = useState(subject);
  const [recording, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function record() {
    setMessage(null);
    startTransition(async () => {
      const result = await recordDocsGap({ ticketId, topic, suggested: suggestions.map(({ title, url }) => ({ title, url })) });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.fieldErrors?.topic?.[0] ?? result.error });
        return;
      }
      setGapOpen(false);
      setMessage({ tone: "ok", text: "Docs gap recorded: the team sees it under Docs gaps." });
    });
  }

  return (
    <section aria-labelledby={`${id}-docs`} className="rounded-md border border-slate-200 p-3">
      <h3 id={`${id}-docs`} className="text-sm font-semibold text-slate-900">
        Documentation for this ticket
      </h3>
      {suggestions.length > 0 ? (
        <ul className="mt-2 space-y-1.5" data-testid="docs-suggestions">
          {suggestions.map((suggestion) => (
            <li key={suggestion.url} className="flex flex-wrap items-center gap-2 text-sm">
              <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onInsert(suggestion.title, suggestion.url)} aria-label={`Insert link to ${suggestion.title}`}>
                Insert link
              </Button>
              <a href={suggestion.url} target="_blank" rel="noopener noreferrer" className="font-medium text-indigo-800 underline">
                {suggestion.title}
              </a>
              <span className="text-xs text-slate-600">
                {new URL(suggestion.url).pathname} · matches {suggestion.matched.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-600">No article matches this ticket&apos;s words.</p>
      )}
      <div className="mt-3">
        {gapOpen ? (
          <div className="space-y-2">
            <label htmlFor={`${id}-topic`} className="block text-sm font-medium text-slate-900">
              What should an article explain?
            </label>
            <input id={`${id}-topic`} value={topic} onChange={(event) => setTopic(event.target.value)} className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
            <div className="flex gap-2">
              <Button type="button" variant="secondary" onClick={record} disabled={recording}>
                {recording ? "Recording…" : "Record docs gap"}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setGapOpen(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : (
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setGapOpen(true)}>
            No article exists for this
          </Button>
        )}
        <p aria-live="polite" className={`mt-1 min-h-4 text-sm ${message?.tone === "error" ? "text-red-700" : "text-slate-700"}`}>
          {message?.text}
        </p>
      </div>
    </section>
  );
}
