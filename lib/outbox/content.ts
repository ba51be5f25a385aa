import type { HubSpotMessage } from "@/lib/integrations/hubspot/schema";

// What a note or a reply looks like in HubSpot, and how the outbox recognises its own writes
// there. Each write carries a reference derived from its id: a note shows it in its footer (plain
// text survives whatever HubSpot does to note HTML); a reply carries it in an attribute of its
// HTML, and is also recognised by its sender and exact text when HubSpot dropped the attribute.

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Links in already-escaped text; trailing punctuation stays outside the link. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (match) => {
    const url = match.replace(/[.,;:!?)]+$/, "");
    return `<a href="${url}">${url}</a>${match.slice(url.length)}`;
  });
}

/** The composer's plain text as HTML: paragraphs at blank lines, line breaks, clickable links. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph.trim())).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}

/** A short, unique-enough tag for one write (48 bits of its random id). */
export function writeRef(writeId: string): string {
  return `sd-${writeId.replaceAll("-", "").slice(0, 12).toLowerCase()}`;
}

export function noteBody(text: string, authorName: string, ref: string): string {
  return `${textToHtml(text)}<p><em>Internal note by ${escapeHtml(authorName)} from Support Desk (${ref})</em></p>`;
}

export function noteHasRef(body: string | null | undefined, ref: string): boolean {
  return (body ?? "").includes(ref);
}

const REF_ATTRIBUTE = "data-support-desk-ref";

export function replyRichText(text: string, ref: string): string {
  return `<div ${REF_ATTRIBUTE}="${ref}">${textToHtml(text)}</div>`;
}

function normaliseText(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/**
 * The message a reply became, among the thread's recent messages, if it is there: the one
 * carrying the reply's reference, or else an outgoing message from the same sender with the same
 * text that no other write already accounts for (`claimedIds`).
 */
export function findDeliveredReply(
  messages: readonly HubSpotMessage[],
  reply: { ref: string; text: string; senderActorId: string; claimedIds: ReadonlySet<string> },
): HubSpotMessage | undefined {
  const outgoing = messages.filter((message) => message.type === "MESSAGE" && message.direction === "OUTGOING" && !reply.claimedIds.has(message.id));
  const tagged = outgoing.find((message) => (message.richText ?? "").includes(`${REF_ATTRIBUTE}="${reply.ref}"`));
  if (tagged) return tagged;
  const text = normaliseText(reply.text);
  return outgoing.find((message) => message.senders.some((sender) => sender.actorId === reply.senderActorId) && normaliseText(message.text) === text);
}
