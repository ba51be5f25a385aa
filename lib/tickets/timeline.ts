import { sanitizeCustomerHtml } from "@/lib/content/sanitize";
import { escapeHtml } from "@/lib/outbox/content";
import { canRequeue } from "@/lib/outbox/enqueue";
import { parseWritePayload, replyPayloadSchema, type TicketUpdatePayload } from "@/lib/outbox/payload";

// One timeline of a ticket: the customer's messages, the team's replies, internal notes (HubSpot
// notes and inbox comments) and the changes made from here, oldest first. What the app is still
// writing to HubSpot appears in place with its state; once HubSpot has it, the synced copy takes
// its place, so nothing shows twice. Everything from HubSpot is untrusted HTML and is sanitized.

export interface TimelineMessage {
  id: string;
  type: string;
  direction: "INCOMING" | "OUTGOING" | null;
  senderName: string | null;
  senderEmail: string | null;
  senderActorId: string | null;
  text: string | null;
  richText: string | null;
  sentAt: Date;
}

export interface TimelineNote {
  id: string;
  body: string | null;
  ownerId: string | null;
  notedAt: Date;
}

export interface TimelineWrite {
  id: string;
  kind: "NOTE" | "REPLY" | "TICKET_UPDATE";
  status: "PENDING" | "SENT" | "FAILED";
  payload: unknown;
  authorName: string;
  attempts: number;
  lastError: string | null;
  hubspotId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  lockedUntil: Date | null;
  lastAttemptAt: Date | null;
}

export interface WriteView {
  id: string;
  status: TimelineWrite["status"];
  attempts: number;
  lastError: string | null;
  canRetry: boolean;
  /** A ticket change refused because HubSpot changed meanwhile: the retry would overwrite. */
  conflict: boolean;
}

export type EntryKind = "CUSTOMER" | "REPLY" | "NOTE" | "CHANGE";

export interface TimelineEntry {
  key: string;
  kind: EntryKind;
  at: Date;
  author: string;
  /** Safe to render: sanitized HubSpot HTML, or the app's own text escaped. */
  html: string;
  /** A line under the author: the channel, or who a reply went out as. */
  detail: string | null;
  write: WriteView | null;
  /** Business minutes since the previous message or note (null for the first, and for changes). */
  businessMinutesSincePrevious: number | null;
}

export interface TimelineInput {
  messages: TimelineMessage[];
  notes: TimelineNote[];
  writes: TimelineWrite[];
  ownerNames: ReadonlyMap<string, string>;
  stageLabels: ReadonlyMap<string, string>;
  businessMinutes: (from: Date, to: Date) => number;
  now: Date;
}

function safeHtml(richText: string | null, text: string | null): string {
  if (richText?.trim()) return sanitizeCustomerHtml(richText);
  return sanitizeCustomerHtml(`<p>${escapeHtml(text ?? "").replace(/\n/g, "<br>")}</p>`);
}

function plainHtml(text: string): string {
  return text
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function view(write: TimelineWrite, now: Date): WriteView {
  return {
    id: write.id,
    status: write.status,
    attempts: write.attempts,
    lastError: write.lastError,
    canRetry: canRequeue(write, now),
    conflict: write.kind === "TICKET_UPDATE" && write.status === "FAILED" && /^Changed in HubSpot meanwhile/.test(write.lastError ?? ""),
  };
}

function describeChange(payload: TicketUpdatePayload, input: TimelineInput): string {
  return payload.changes
    .map((change) => {
      if (change.property === "hs_pipeline_stage") return `status → ${input.stageLabels.get(change.to ?? "") ?? change.to ?? "none"}`;
      return change.to ? `owner → ${input.ownerNames.get(change.to) ?? change.to}` : "owner → unassigned";
    })
    .join(", ");
}

export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const byHubSpotId = new Map(input.writes.filter((write) => write.hubspotId).map((write) => [write.hubspotId!, write]));
  const entries: Omit<TimelineEntry, "businessMinutesSincePrevious">[] = [];

  for (const message of input.messages) {
    const write = byHubSpotId.get(message.id);
    if (message.type === "COMMENT") {
      entries.push({
        key: `message:${message.id}`,
        kind: "NOTE",
        at: message.sentAt,
        author: message.senderName ?? "HubSpot user",
        html: safeHtml(message.richText, message.text),
        detail: "Comment in the HubSpot inbox",
        write: null,
      });
    } else if (message.type === "MESSAGE") {
      const customer = message.direction === "INCOMING";
      const payload = write?.kind === "REPLY" ? replyPayloadSchema.parse(write.payload) : null;
      entries.push({
        key: `message:${message.id}`,
        kind: customer ? "CUSTOMER" : "REPLY",
        at: message.sentAt,
        author: write ? write.authorName : (message.senderName ?? message.senderEmail ?? (customer ? "Customer" : "Team")),
        html: safeHtml(message.richText, message.text),
        detail: payload?.sender.onBehalf ? `Sent as ${payload.sender.name}` : customer && message.senderEmail ? message.senderEmail : null,
        write: write ? view(write, input.now) : null,
      });
    }
  }

  for (const note of input.notes) {
    const write = byHubSpotId.get(note.id);
    entries.push({
      key: `note:${note.id}`,
      kind: "NOTE",
      at: note.notedAt,
      author: write?.authorName ?? (note.ownerId ? (input.ownerNames.get(note.ownerId) ?? "HubSpot user") : "HubSpot user"),
      html: sanitizeCustomerHtml(note.body ?? ""),
      detail: null,
      write: write ? view(write, input.now) : null,
    });
  }

  const shown = new Set([...input.messages.map((message) => message.id), ...input.notes.map((note) => note.id)]);
  for (const write of input.writes) {
    if (write.hubspotId && shown.has(write.hubspotId)) continue;
    const parsed = parseWritePayload(write.kind, write.payload);
    const common = { key: `write:${write.id}`, at: write.createdAt, author: write.authorName, write: view(write, input.now) };
    switch (parsed.kind) {
      case "NOTE":
        entries.push({ ...common, kind: "NOTE", html: plainHtml(parsed.payload.text), detail: null });
        break;
      case "REPLY":
        entries.push({
          ...common,
          kind: "REPLY",
          html: plainHtml(parsed.payload.text),
          detail: parsed.payload.sender.onBehalf ? `Sent as ${parsed.payload.sender.name}` : null,
        });
        break;
      case "TICKET_UPDATE":
        entries.push({ ...common, kind: "CHANGE", html: escapeHtml(`Changed ${describeChange(parsed.payload, input)}`), detail: null });
        break;
    }
  }

  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
  let previous: Date | null = null;
  return entries.map((entry) => {
    if (entry.kind === "CHANGE") return { ...entry, businessMinutesSincePrevious: null };
    const since = previous ? input.businessMinutes(previous, entry.at) : null;
    previous = entry.at;
    return { ...entry, businessMinutesSincePrevious: since };
  });
}
