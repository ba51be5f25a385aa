import { FLOWFORGE_CALENDAR, withExtraHolidays, type BusinessCalendar } from "@/lib/sla/business-calendar";
import { timelineFor } from "@/lib/sla/business-timeline";
import { arrangementCalendar } from "@/lib/tiers/arrangement-schema";
import type { TierRule } from "@/lib/tiers/rule-schema";
import { ASSIGNABLE_TIERS, type AssignableTier } from "@/lib/tiers/tier";

// Everything the SLA clock and the tier rules need besides the ticket itself, as one value built
// from the settings tables. Pure: lib/queue/load-config.ts reads the rows.

export const DEFAULT_CALENDAR_KEY = "default";
export const DEFAULT_DUE_SOON_MINUTES = 60;

export interface TierRuleRow {
  id: string;
  kind: string;
  tier: string;
  position: number;
  contact: string | null;
  companyId: string | null;
  propertyValues: string[] | null;
  domain: string | null;
  includeSubdomains: boolean;
}

export interface ArrangementRow {
  companyId: string;
  notes: string;
  contacts: string;
  targetMinutes: number | null;
  calendar: unknown;
}

export interface SlaConfigRows {
  version: number;
  dueSoonMinutes: number;
  companyTierProperty: string;
  rules: TierRuleRow[];
  arrangements: ArrangementRow[];
  /** Admin-added days off (YYYY-MM-DD). */
  holidays: string[];
}

export interface Arrangement {
  companyId: string;
  notes: string;
  contacts: string;
  targetMinutes: number | null;
  /** The key of its own calendar in `SlaConfig.calendars`, or null for FlowForge's. */
  calendarKey: string | null;
}

export interface SlaConfig {
  version: number;
  dueSoonMinutes: number;
  companyTierProperty: string;
  rules: TierRule[];
  arrangements: ReadonlyMap<string, Arrangement>;
  /** DEFAULT_CALENDAR_KEY (FlowForge's hours with the admin-added days off) and each override. */
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

function isAssignable(tier: string): tier is AssignableTier {
  return (ASSIGNABLE_TIERS as readonly string[]).includes(tier);
}

/** A stored rule in lib/tiers' form, or null when the row is incomplete (it then matches nothing). */
export function ruleFromRow(row: TierRuleRow): TierRule | null {
  if (!isAssignable(row.tier)) return null;
  const common = { id: row.id, tier: row.tier, order: row.position };
  switch (row.kind) {
    case "CONTACT":
      return row.contact ? { ...common, kind: "CONTACT", contact: row.contact } : null;
    case "COMPANY":
      return row.companyId ? { ...common, kind: "COMPANY", companyId: row.companyId } : null;
    case "COMPANY_PROPERTY":
      return row.propertyValues?.length ? { ...common, kind: "COMPANY_PROPERTY", values: row.propertyValues } : null;
    case "EMAIL_DOMAIN":
      return row.domain ? { ...common, kind: "EMAIL_DOMAIN", domain: row.domain, includeSubdomains: row.includeSubdomains } : null;
    default:
      return null;
  }
}

export function companyCalendarKey(companyId: string): string {
  return `company:${companyId}`;
}

export function buildSlaConfig(rows: SlaConfigRows): SlaConfig {
  const calendars = new Map<string, BusinessCalendar>([[DEFAULT_CALENDAR_KEY, withExtraHolidays(FLOWFORGE_CALENDAR, rows.holidays)]]);
  const arrangements = new Map<string, Arrangement>();
  for (const row of rows.arrangements) {
    const calendar = arrangementCalendar(row.calendar, rows.holidays);
    const calendarKey = calendar ? companyCalendarKey(row.companyId) : null;
    if (calendar && calendarKey) calendars.set(calendarKey, calendar);
    arrangements.set(row.companyId, { companyId: row.companyId, notes: row.notes, contacts: row.contacts, targetMinutes: row.targetMinutes, calendarKey });
  }
  return {
    version: rows.version,
    dueSoonMinutes: rows.dueSoonMinutes,
    companyTierProperty: rows.companyTierProperty,
    rules: rows.rules.map(ruleFromRow).filter((rule): rule is TierRule => rule !== null),
    arrangements,
    calendars,
  };
}

export function calendarFor(config: SlaConfig, key: string | null | undefined): BusinessCalendar {
  return config.calendars.get(key ?? DEFAULT_CALENDAR_KEY) ?? config.calendars.get(DEFAULT_CALENDAR_KEY)!;
}

export interface CalendarPhase {
  open: boolean;
  /** When this phase ends: the coming closing while open, the next opening while closed. */
  until: Date;
}

/** Whether each calendar is open at `now`, and until when: what the queue's timers tick against. */
export function calendarPhases(config: SlaConfig, now: Date): Map<string, CalendarPhase> {
  const phases = new Map<string, CalendarPhase>();
  for (const [key, calendar] of config.calendars) {
    const timeline = timelineFor(calendar);
    const at = now.getTime();
    const open = timeline.isOpen(at);
    // While open, the period ends at the last closing before the next opening.
    const until = open ? timeline.previousClosing(timeline.nextOpening(at + 1))! : timeline.nextOpening(at);
    phases.set(key, { open, until: new Date(until) });
  }
  return phases;
}
