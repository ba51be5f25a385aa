import { Prisma } from "@/lib/generated/prisma/client";
import { arrangementCalendarSchema, type ArrangementCalendar } from "@/lib/tiers/arrangement-schema";
import { describeRule } from "@/lib/tiers/describe-rule";
import { RULE_KINDS, type RuleKind, type TierRule } from "@/lib/tiers/rule-schema";
import { tierPolicy, type TierPolicy } from "@/lib/tiers/tier-policy";
import { TIERS, type Tier } from "@/lib/tiers/tier";
import { loadSlaConfig, type Db } from "@/lib/queue/load-config";
import { calendarPhases, ruleFromRow } from "@/lib/queue/sla-config";
import { openTicketList, type ListContext, type TicketList } from "@/lib/queue/ticket-lists";

// The Tiers screen: open tickets by tier with what to do for each, the Unknown ones waiting for a
// decision, and the rules and Enterprise arrangements that decide.

export interface RuleView {
  rule: TierRule;
  /** The rule's condition in words. */
  when: string;
  /** Open tickets this rule decides now. */
  openTickets: number;
  /** Its place among the rules of its kind (0 first), and how many there are. */
  index: number;
  ofKind: number;
}

export interface ArrangementView {
  companyId: string;
  companyName: string | null;
  notes: string;
  contacts: string;
  targetMinutes: number | null;
  calendar: ArrangementCalendar | null;
  /** The company is Enterprise for at least one open ticket (otherwise the arrangement is not in use). */
  openTickets: number;
}

export interface TierSection {
  tier: Tier;
  policy: TierPolicy;
  list: TicketList;
}

export interface TierOverview {
  now: Date;
  dueSoonMinutes: number;
  companyTierProperty: string;
  /** Open tickets per tier, and those not derived yet. */
  counts: Record<Tier, number> & { pending: number };
  sections: TierSection[];
  rules: RuleView[];
  arrangements: ArrangementView[];
  /** Tickets still to be recomputed after the last settings change. */
  recomputing: boolean;
}

/** Unknown first: those tickets wait for a person. */
const SECTION_ORDER: Tier[] = ["UNKNOWN", "ENTERPRISE", "MANAGED", "COMMUNITY"];

export async function loadTierOverview(db: Db, now: Date): Promise<TierOverview> {
  const config = await loadSlaConfig(db);
  const context: ListContext = { config, phases: calendarPhases(config, now), now };
  const [tierCounts, ruleCounts, ruleRows, arrangements, outdated, ...lists] = await Promise.all([
    db.$queryRaw<{ tier: Tier | null; n: number }[]>`SELECT tier::text AS tier, count(*)::int AS n FROM tickets WHERE is_open GROUP BY tier`,
    db.$queryRaw<{ ruleId: string; n: number }[]>`
      SELECT tier_rule_id::text AS "ruleId", count(*)::int AS n FROM tickets WHERE is_open AND tier_rule_id IS NOT NULL GROUP BY tier_rule_id`,
    db.tierRule.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }] }),
    db.$queryRaw<{ companyId: string; companyName: string | null; notes: string; contacts: string; targetMinutes: number | null; calendar: unknown; openTickets: number }[]>`
      SELECT a.company_id AS "companyId", c.name AS "companyName", a.notes, a.contacts, a.target_minutes AS "targetMinutes", a.calendar,
        (SELECT count(*)::int FROM tickets t WHERE t.is_open AND t.tier = 'ENTERPRISE' AND t.customer_company_id = a.company_id) AS "openTickets"
      FROM enterprise_arrangements a LEFT JOIN companies c ON c.id = a.company_id
      ORDER BY c.name NULLS LAST, a.company_id`,
    db.$queryRaw<{ outdated: boolean }[]>`SELECT EXISTS (SELECT 1 FROM tickets WHERE derived_version < ${config.version}) AS outdated`,
    ...SECTION_ORDER.map((tier) => openTicketList(db, Prisma.sql`t.tier = ${tier}::"CustomerTier"`, tier === "UNKNOWN" ? 25 : 8, context)),
  ]);

  const counts = { ...(Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>), pending: 0 };
  for (const { tier, n } of tierCounts) {
    if (tier) counts[tier] = n;
    else counts.pending = n;
  }
  const openByRule = new Map(ruleCounts.map((row) => [row.ruleId, row.n]));
  const companyNames = await companyNamesOf(
    db,
    ruleRows.flatMap((row) => (row.kind === "COMPANY" && row.companyId ? [row.companyId] : [])),
  );
  const rules = ruleRows.flatMap((row) => {
    const rule = ruleFromRow(row);
    return rule ? [rule] : [];
  });
  const byKind = (kind: RuleKind) => rules.filter((rule) => rule.kind === kind);
  return {
    now,
    dueSoonMinutes: config.dueSoonMinutes,
    companyTierProperty: config.companyTierProperty,
    counts,
    sections: SECTION_ORDER.map((tier, index) => ({ tier, policy: tierPolicy(tier), list: lists[index]! })),
    rules: RULE_KINDS.flatMap((kind) =>
      byKind(kind).map((rule, index, all) => ({
        rule,
        when: describeRule(rule, {
          companyTierProperty: config.companyTierProperty,
          companyName: rule.kind === "COMPANY" ? companyNames.get(rule.companyId) : null,
        }),
        openTickets: openByRule.get(rule.id) ?? 0,
        index,
        ofKind: all.length,
      })),
    ),
    arrangements: arrangements.map((row) => {
      const calendar = arrangementCalendarSchema.safeParse(row.calendar);
      return { ...row, calendar: row.calendar && calendar.success ? calendar.data : null };
    }),
    recomputing: outdated[0]?.outdated ?? false,
  };
}

async function companyNamesOf(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const companies = await db.company.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(companies.map((company) => [company.id, company.name]));
}
