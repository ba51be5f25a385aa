import { Prisma } from "@/lib/generated/prisma/client";
import type { SlaState } from "@/lib/sla/sla-state";
import type { Tier } from "@/lib/tiers/tier";
import type { CalendarPhase, SlaConfig } from "@/lib/queue/sla-config";
import { storedSlaStatus } from "@/lib/queue/sla-filter";

// A ticket as the queue, SLA and Tiers screens list it: the stored fields with the labels of its
// stage, owner and customer, and its SLA state at the moment the page is rendered.

export const TICKET_ROW_COLUMNS = Prisma.sql`
  t.id, t.subject, t.tier::text AS tier, t.tier_reason AS "tierReason", t.tier_decided_by::text AS "tierDecidedBy",
  t.pipeline_id AS "pipelineId", t.stage_id AS "stageId", s.label AS "stageLabel", p.label AS "pipelineLabel",
  t.owner_id AS "ownerId", o.first_name AS "ownerFirstName", o.last_name AS "ownerLastName", o.email AS "ownerEmail",
  t.customer_company_id AS "companyId", co.name AS "companyName", ct.email AS "contactEmail", t.source_type AS "sourceType",
  t.opened_at AS "openedAt", t.hs_last_modified_at AS "lastModifiedAt", t.sla_applies AS "slaApplies",
  t.sla_target_minutes AS "slaTargetMinutes", t.sla_calendar_key AS "slaCalendarKey", t.first_response_at AS "firstResponseAt",
  t.first_response_source::text AS "firstResponseSource", t.urgency_rank AS "urgencyRank", t.urgency_at AS "urgencyAt"`;

export const TICKET_ROW_JOINS = Prisma.sql`
  LEFT JOIN pipeline_stages s ON s.pipeline_id = t.pipeline_id AND s.id = t.stage_id
  LEFT JOIN pipelines p ON p.id = t.pipeline_id
  LEFT JOIN owners o ON o.id = t.owner_id
  LEFT JOIN companies co ON co.id = t.customer_company_id
  LEFT JOIN contacts ct ON ct.id = t.customer_contact_id`;

export interface TicketRowRaw {
  id: string;
  subject: string | null;
  tier: Tier | null;
  tierReason: string | null;
  tierDecidedBy: string | null;
  pipelineId: string | null;
  stageId: string | null;
  stageLabel: string | null;
  pipelineLabel: string | null;
  ownerId: string | null;
  ownerFirstName: string | null;
  ownerLastName: string | null;
  ownerEmail: string | null;
  companyId: string | null;
  companyName: string | null;
  contactEmail: string | null;
  sourceType: string | null;
  openedAt: Date;
  lastModifiedAt: Date;
  slaApplies: boolean;
  slaTargetMinutes: number | null;
  slaCalendarKey: string | null;
  firstResponseAt: Date | null;
  firstResponseSource: "THREAD" | "HUBSPOT_PROPERTY" | null;
  urgencyRank: number;
  urgencyAt: Date;
}

export interface SlaView {
  state: SlaState;
  dueAt: Date | null;
  /** Business minutes left at the render time (negative once overdue; at the response once answered). */
  businessMinutesLeft: number | null;
  resumesAt: Date | null;
  targetMinutes: number | null;
  /** Whether the ticket's calendar is open at the render time, and until when: what a timer ticks against. */
  phase: CalendarPhase | null;
}

export interface TicketListRow {
  id: string;
  subject: string;
  tier: Tier | null;
  tierReason: string | null;
  status: { label: string; pipeline: string | null } | null;
  owner: { id: string; name: string } | null;
  company: { id: string; name: string | null } | null;
  contactEmail: string | null;
  sourceType: string | null;
  openedAt: Date;
  lastModifiedAt: Date;
  firstResponseAt: Date | null;
  firstResponseSource: TicketRowRaw["firstResponseSource"];
  sla: SlaView;
  urgencyRank: number;
  urgencyAt: Date;
}

export function ownerName(first: string | null, last: string | null, email: string | null, id: string): string {
  return [first, last].filter(Boolean).join(" ") || email || `Owner ${id}`;
}

export function toTicketListRow(raw: TicketRowRaw, config: SlaConfig, phases: Map<string, CalendarPhase>, now: Date): TicketListRow {
  const status = storedSlaStatus(raw, config, now);
  return {
    id: raw.id,
    subject: raw.subject?.trim() || "(no subject)",
    tier: raw.tier,
    tierReason: raw.tierReason,
    status: raw.stageLabel ? { label: raw.stageLabel, pipeline: raw.pipelineLabel } : null,
    owner: raw.ownerId ? { id: raw.ownerId, name: ownerName(raw.ownerFirstName, raw.ownerLastName, raw.ownerEmail, raw.ownerId) } : null,
    company: raw.companyId ? { id: raw.companyId, name: raw.companyName } : null,
    contactEmail: raw.contactEmail,
    sourceType: raw.sourceType,
    openedAt: raw.openedAt,
    lastModifiedAt: raw.lastModifiedAt,
    firstResponseAt: raw.firstResponseAt,
    firstResponseSource: raw.firstResponseSource,
    sla: {
      state: status.state,
      dueAt: status.dueAt,
      businessMinutesLeft: status.businessMinutesLeft,
      resumesAt: status.resumesAt ?? null,
      targetMinutes: raw.slaApplies ? raw.slaTargetMinutes : null,
      phase: raw.slaApplies ? (phases.get(raw.slaCalendarKey ?? "default") ?? null) : null,
    },
    urgencyRank: raw.urgencyRank,
    urgencyAt: raw.urgencyAt,
  };
}
