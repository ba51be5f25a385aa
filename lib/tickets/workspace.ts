import { docsIndex } from "@/lib/docs/suggest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { calendarPhases, calendarFor } from "@/lib/queue/sla-config";
import { loadSlaConfig } from "@/lib/queue/load-config";
import { ownerName, TICKET_ROW_COLUMNS, TICKET_ROW_JOINS, toTicketListRow, type TicketListRow, type TicketRowRaw } from "@/lib/queue/ticket-rows";
import type { TemplateContext } from "@/lib/replies/template";
import { businessMinutesBetween } from "@/lib/sla/business-hours";
import { buildTimeline, type TimelineEntry } from "@/lib/tickets/timeline";
import { replyRoute, type ReplyRoute } from "@/lib/tickets/reply-context";
import { ticketVersion } from "@/lib/tickets/version";

// Everything the ticket page shows, read in one place: the ticket with its stored tier and SLA
// (lib/queue), the customer, the timeline, what can be written back and how, and the help the
// composer offers (documentation, saved replies).

/** Notes are read again when the page is opened this long after the last read. */
export const NOTES_FRESH_MS = 2 * 60_000;

export interface Workspace {
  ticket: TicketListRow & {
    content: string | null;
    priority: string | null;
    category: string | null;
    pipelineId: string | null;
    stageId: string | null;
    ownerId: string | null;
    threadId: string | null;
    archived: boolean;
  };
  stages: { id: string; label: string; closed: boolean }[];
  owners: { id: string; name: string }[];
  customer: {
    contact: { id: string; name: string | null; email: string | null } | null;
    company: { id: string; name: string | null; domain: string | null } | null;
    arrangement: { notes: string; contacts: string; targetMinutes: number | null } | null;
  };
  /** Whether the conversation and the notes are still to be read from HubSpot. */
  loading: { thread: boolean; notes: boolean };
  /** Whether to read the notes again in the background (they are shown meanwhile). */
  notesStale: boolean;
  timeline: TimelineEntry[];
  /** Writes not yet settled: the page refreshes until they are. */
  pendingWrites: number;
  replyRoute: ReplyRoute;
  suggestions: { title: string; url: string; matched: string[] }[];
  savedReplies: { id: string; title: string; body: string }[];
  templateContext: TemplateContext;
  /** What the page was rendered from (lib/tickets/version.ts): it re-renders when this moves. */
  version: string;
  /** The SLA setting the countdown turns "due soon" at. */
  dueSoonMinutes: number;
}

function fullName(first: string | null, last: string | null): string | null {
  return [first, last].filter(Boolean).join(" ") || null;
}

export async function loadWorkspace(db: PrismaClient, ticketId: string, viewer: { email: string; name: string | null }, now: Date): Promise<Workspace | null> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    include: { contacts: { select: { contactId: true } }, companies: { select: { companyId: true, isPrimary: true } } },
  });
  if (!ticket) return null;
  // Read first: a change landing while the page loads makes the next poll re-render it.
  const version = (await ticketVersion(db, ticketId)) ?? "";
  const config = await loadSlaConfig(db);
  const [raw] = await db.$queryRaw<TicketRowRaw[]>`SELECT ${TICKET_ROW_COLUMNS} FROM tickets t ${TICKET_ROW_JOINS} WHERE t.id = ${ticketId}`;
  const row = toTicketListRow(raw!, config, calendarPhases(config, now), now);

  const contactId = ticket.customerContactId ?? ticket.contacts[0]?.contactId ?? null;
  const companyId = ticket.customerCompanyId ?? ticket.companies.find((link) => link.isPrimary)?.companyId ?? ticket.companies[0]?.companyId ?? null;
  const [stages, owners, contact, company, thread, notes, writes, savedReplies, route] = await Promise.all([
    ticket.pipelineId ? db.pipelineStage.findMany({ where: { pipelineId: ticket.pipelineId }, orderBy: { displayOrder: "asc" } }) : [],
    db.owner.findMany({ where: { archived: false } }),
    contactId ? db.contact.findUnique({ where: { id: contactId } }) : null,
    companyId ? db.company.findUnique({ where: { id: companyId } }) : null,
    ticket.threadId ? db.conversationThread.findUnique({ where: { id: ticket.threadId }, include: { messages: { orderBy: { sentAt: "asc" } } } }) : null,
    db.ticketNote.findMany({ where: { ticketId }, orderBy: { notedAt: "asc" } }),
    db.hubSpotWrite.findMany({ where: { ticketId }, orderBy: { createdAt: "asc" } }),
    db.savedReply.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true, body: true } }),
    replyRoute(db, ticketId, viewer),
  ]);

  const ownerNames = new Map(owners.map((owner) => [owner.id, ownerName(owner.firstName, owner.lastName, owner.email, owner.id)]));
  const calendar = calendarFor(config, raw!.slaCalendarKey);
  const messages = thread?.messages ?? [];
  const timeline = buildTimeline({
    messages,
    notes,
    writes,
    ownerNames,
    stageLabels: new Map(stages.map((stage) => [stage.id, stage.label])),
    businessMinutes: (from, to) => businessMinutesBetween(from, to, calendar),
    now,
  });

  const customerText = messages
    .filter((message) => message.direction === "INCOMING")
    .slice(-3)
    .map((message) => message.text ?? "");
  const suggestions = docsIndex
    .suggest([ticket.subject, ticket.content, ...customerText].filter(Boolean).join("\n"))
    .map((suggestion) => ({ title: suggestion.article.title, url: suggestion.article.url, matched: suggestion.matched }));

  const arrangement = row.tier === "ENTERPRISE" && companyId ? config.arrangements.get(companyId) : undefined;
  const contactName = contact ? fullName(contact.firstName, contact.lastName) : null;
  return {
    ticket: {
      ...row,
      content: ticket.content,
      priority: ticket.priority,
      category: ticket.category,
      pipelineId: ticket.pipelineId,
      stageId: ticket.stageId,
      ownerId: ticket.ownerId,
      threadId: ticket.threadId,
      archived: ticket.archivedAt !== null,
    },
    stages: stages.filter((stage) => !stage.archived || stage.id === ticket.stageId).map((stage) => ({ id: stage.id, label: stage.label, closed: stage.ticketState === "CLOSED" })),
    owners: [...ownerNames].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    customer: {
      contact: contact ? { id: contact.id, name: contactName, email: contact.email } : null,
      company: company ? { id: company.id, name: company.name, domain: company.domain } : null,
      arrangement: arrangement ? { notes: arrangement.notes, contacts: arrangement.contacts, targetMinutes: arrangement.targetMinutes } : null,
    },
    loading: { thread: Boolean(ticket.threadId) && !thread?.messagesSyncedAt, notes: ticket.notesSyncedAt === null },
    notesStale: ticket.notesSyncedAt !== null && now.getTime() - ticket.notesSyncedAt.getTime() > NOTES_FRESH_MS,
    timeline,
    pendingWrites: writes.filter((write) => write.status === "PENDING").length,
    replyRoute: route,
    suggestions,
    savedReplies,
    version,
    dueSoonMinutes: config.dueSoonMinutes,
    templateContext: {
      "contact.firstName": contact?.firstName ?? null,
      "contact.lastName": contact?.lastName ?? null,
      "contact.name": contactName,
      "contact.email": contact?.email ?? null,
      "company.name": company?.name ?? null,
      "ticket.id": ticket.id,
      "ticket.subject": ticket.subject,
      "agent.firstName": viewer.name?.split(/\s+/)[0] ?? null,
      "agent.name": viewer.name,
    },
  };
}
