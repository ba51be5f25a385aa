import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TicketSummary } from "@/lib/integrations/slack/messages";
import { loadSlaConfig } from "@/lib/queue/load-config";
import { storedSlaStatus } from "@/lib/queue/sla-filter";
import { hubspotTicketUrl } from "@/lib/integrations/hubspot/links";
import { dashboardTicketUrl, type SlackSettings } from "@/lib/slack/deps";

// What the ticket's Slack message shows, read from the synced tables and the derived tier and SLA
// fields (lib/queue), for a batch of tickets at once.

function fullName(person: { firstName: string | null; lastName: string | null; email?: string | null } | null | undefined): string | null {
  if (!person) return null;
  return [person.firstName, person.lastName].filter(Boolean).join(" ") || person.email || null;
}

export async function loadTicketSummaries(db: PrismaClient, settings: SlackSettings, ids: string[], now: Date): Promise<Map<string, TicketSummary>> {
  if (ids.length === 0) return new Map();
  const tickets = await db.ticket.findMany({ where: { id: { in: ids } } });
  const [stages, owners, contacts, companies, openings, config] = await Promise.all([
    db.pipelineStage.findMany({ where: { OR: tickets.filter((t) => t.pipelineId && t.stageId).map((t) => ({ pipelineId: t.pipelineId!, id: t.stageId! })) } }),
    db.owner.findMany({ where: { id: { in: tickets.flatMap((t) => (t.ownerId ? [t.ownerId] : [])) } } }),
    db.contact.findMany({ where: { id: { in: tickets.flatMap((t) => (t.customerContactId ? [t.customerContactId] : [])) } } }),
    db.company.findMany({ where: { id: { in: tickets.flatMap((t) => (t.customerCompanyId ? [t.customerCompanyId] : [])) } } }),
    openingMessages(db, tickets.flatMap((t) => (t.threadId ? [t.threadId] : []))),
    loadSlaConfig(db),
  ]);
  const stageOf = new Map(stages.map((stage) => [`${stage.pipelineId}/${stage.id}`, stage]));
  const ownerOf = new Map(owners.map((owner) => [owner.id, owner]));
  const contactOf = new Map(contacts.map((contact) => [contact.id, contact]));
  const companyOf = new Map(companies.map((company) => [company.id, company]));

  const summaries = new Map<string, TicketSummary>();
  for (const ticket of tickets) {
    const stage = stageOf.get(`${ticket.pipelineId}/${ticket.stageId}`);
    const contact = ticket.customerContactId ? contactOf.get(ticket.customerContactId) : undefined;
    const opening = ticket.threadId ? openings.get(ticket.threadId) : undefined;
    const sla = storedSlaStatus(ticket, config, now);
    summaries.set(ticket.id, {
      id: ticket.id,
      subject: ticket.subject,
      excerpt: opening?.text ?? ticket.content,
      sourceType: ticket.sourceType,
      priority: ticket.priority,
      status: ticket.archivedAt
        ? { label: ticket.mergedIntoId ? `Merged into #${ticket.mergedIntoId}` : "Deleted in HubSpot", open: false }
        : stage
          ? { label: stage.label, open: ticket.isOpen }
          : null,
      owner: ticket.ownerId ? (fullName(ownerOf.get(ticket.ownerId)) ?? `Owner ${ticket.ownerId}`) : null,
      customer: {
        name: fullName(contact ? { firstName: contact.firstName, lastName: contact.lastName } : null) ?? opening?.senderName ?? null,
        email: contact?.email ?? opening?.senderEmail ?? null,
        company: ticket.customerCompanyId ? (companyOf.get(ticket.customerCompanyId)?.name ?? null) : null,
      },
      tier: ticket.tier,
      sla: { state: sla.state, dueAt: sla.dueAt, respondedAt: ticket.firstResponseAt },
      links: { dashboard: dashboardTicketUrl(settings, ticket.id), hubspot: hubspotTicketUrl(settings.hubspotTicketUrlBase, ticket.id) },
    });
  }
  return summaries;
}

interface OpeningMessage {
  id: string;
  threadId: string;
  text: string | null;
  senderName: string | null;
  senderEmail: string | null;
}

/**
 * The first customer message of each thread: the one that raised the ticket. The ticket's own
 * Slack message shows it, so it is not posted again as a reply.
 */
export async function openingMessages(db: PrismaClient, threadIds: string[]): Promise<Map<string, OpeningMessage>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db.$queryRaw<OpeningMessage[]>`
    SELECT DISTINCT ON (m.thread_id) m.id, m.thread_id AS "threadId", m.text, m.sender_name AS "senderName", m.sender_email AS "senderEmail"
    FROM conversation_messages m
    WHERE m.thread_id = ANY(${threadIds}::text[]) AND m.type = 'MESSAGE' AND m.direction = 'INCOMING'
    ORDER BY m.thread_id, m.sent_at, m.id`;
  return new Map(rows.map((row) => [row.threadId, row]));
}
