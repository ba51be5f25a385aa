import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page";
import { db } from "@/lib/db";
import { TEMPLATE_FIELDS } from "@/lib/replies/template";
import { SavedReplyEditor } from "./saved-reply-editor";

export const metadata: Metadata = { title: "Saved replies" };

export default async function SavedRepliesPage() {
  const user = await pageUser();
  const isAdmin = user.role === "ADMIN";
  const replies = await db().savedReply.findMany({ orderBy: { title: "asc" }, include: { updatedBy: { select: { name: true, email: true } } } });

  return (
    <>
      <PageHeader
        title="Saved replies"
        description="Common answers, with the customer's name and the ticket's fields filled in when inserted into a reply. Everyone uses them; admins edit them."
      />
      <details className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <summary className="cursor-pointer font-medium text-slate-900">Placeholders</summary>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {Object.entries(TEMPLATE_FIELDS).map(([field, meaning]) => (
            <li key={field}>
              <code className="rounded bg-slate-100 px-1">{`{{${field}}}`}</code> {meaning}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-slate-700">
          A default after a bar is used when the value is unknown: <code className="rounded bg-slate-100 px-1">{"Hi {{contact.firstName|there}},"}</code>
        </p>
      </details>
      {isAdmin ? (
        <section aria-labelledby="new-reply-heading" className="mb-8">
          <h2 id="new-reply-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
            New saved reply
          </h2>
          <SavedReplyEditor />
        </section>
      ) : (
        <p className="mb-6 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">Only admins add or change saved replies. Use them from a ticket&apos;s reply.</p>
      )}
      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
          {replies.length} saved {replies.length === 1 ? "reply" : "replies"}
        </h2>
        {replies.length === 0 ? (
          <EmptyState title="No saved replies yet">{isAdmin ? "Add the team's common answers above." : "Ask an admin to add the team's common answers."}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="saved-replies">
            {replies.map((reply) => (
              <li key={reply.id} className="rounded-lg border border-slate-200 bg-white p-4">
                {isAdmin ? (
                  <SavedReplyEditor reply={{ id: reply.id, title: reply.title, body: reply.body }} />
                ) : (
                  <>
                    <h3 className="font-semibold text-slate-900">{reply.title}</h3>
                    <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{reply.body}</p>
                  </>
                )}
                <p className="mt-2 text-xs text-slate-600">Last changed by {reply.updatedBy ? (reply.updatedBy.name ?? reply.updatedBy.email) : "a former admin"}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
