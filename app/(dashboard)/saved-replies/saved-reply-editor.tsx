"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { deleteSavedReply, saveSavedReply } from "@/lib/actions/saved-replies";

/** Admins only: add a saved reply, or edit and delete one. */
export function SavedReplyEditor({ reply }: { reply?: { id: string; title: string; body: string } }) {
  const id = useId();
  const [title, setTitle] = useState(reply?.title ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const changed = title !== (reply?.title ?? "") || body !== (reply?.body ?? "");

  function save(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await saveSavedReply({ ...(reply ? { id: reply.id } : {}), title, body });
      if (!result.ok) {
        setMessage({ tone: "error", text: result.fieldErrors?.body?.[0] ?? result.fieldErrors?.title?.[0] ?? result.error });
        return;
      }
      if (!reply) {
        setTitle("");
        setBody("");
      }
      setMessage({ tone: "ok", text: "Saved." });
    });
  }

  function remove() {
    if (!reply) return;
    startTransition(async () => {
      const result = await deleteSavedReply({ id: reply.id });
      if (!result.ok) setMessage({ tone: "error", text: result.error });
    });
  }

  return (
    <form onSubmit={save} className="space-y-2" aria-label={reply ? `Saved reply ${reply.title}` : "New saved reply"}>
      <div>
        <label htmlFor={`${id}-title`} className="block text-sm font-medium text-slate-900">
          Title
        </label>
        <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-900">
          Reply
        </label>
        <textarea id={`${id}-body`} value={body} onChange={(event) => setBody(event.target.value)} rows={5} className="mt-1 block w-full rounded-md border border-slate-300 p-2 text-sm" />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending || !changed}>
          {reply ? "Save changes" : "Add saved reply"}
        </Button>
        {reply ? (
          <Button type="button" variant="danger" onClick={remove} disabled={pending}>
            Delete
          </Button>
        ) : null}
        <p aria-live="polite" className={`text-sm ${message?.tone === "error" ? "text-red-700" : "text-slate-700"}`}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}
