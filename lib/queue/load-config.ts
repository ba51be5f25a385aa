import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { DEFAULT_TIER_RULES } from "@/lib/tiers/default-rules";
import { buildSlaConfig, DEFAULT_DUE_SOON_MINUTES, type SlaConfig, type SlaConfigRows } from "@/lib/queue/sla-config";

export type Db = PrismaClient | Prisma.TransactionClient;

/** The tier property a new installation reads when COMPANY_TIER_PROPERTY says nothing else. */
export const DEFAULT_COMPANY_TIER_PROPERTY = "support_tier";

/**
 * Creates the settings row with the defaults, and the default tier rules with it, unless it
 * exists. One statement, so a concurrent caller never sees the settings without their rules;
 * rules an admin deleted later never come back.
 */
export async function ensureSlaSettings(db: Db, companyTierProperty: string = DEFAULT_COMPANY_TIER_PROPERTY): Promise<void> {
  const rules = JSON.stringify(DEFAULT_TIER_RULES.map((rule) => ({ kind: rule.kind, tier: rule.tier, position: rule.order, values: rule.kind === "COMPANY_PROPERTY" ? rule.values : [] })));
  await db.$executeRaw`
    WITH created AS (
      INSERT INTO sla_settings (id, due_soon_minutes, company_tier_property, version, updated_at)
      VALUES (1, ${DEFAULT_DUE_SOON_MINUTES}, ${companyTierProperty}, 1, now())
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    )
    INSERT INTO tier_rules (id, kind, tier, position, property_values, include_subdomains, updated_at)
    SELECT gen_random_uuid(), r.kind::"TierRuleKind", r.tier::"CustomerTier", r.position,
      ARRAY(SELECT jsonb_array_elements_text(r.values)), false, now()
    FROM created, jsonb_to_recordset(${rules}::jsonb) AS r(kind text, tier text, position int, "values" jsonb)`;
}

interface ConfigQueryRow {
  settings: { version: number; dueSoonMinutes: number; companyTierProperty: string } | null;
  rules: SlaConfigRows["rules"];
  arrangements: SlaConfigRows["arrangements"];
  holidays: string[];
}

/** The SLA configuration in one round trip (it is read for every batch the sync derives). */
export async function loadSlaConfig(db: Db): Promise<SlaConfig> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const [row] = await db.$queryRaw<ConfigQueryRow[]>`
      SELECT
        (SELECT json_build_object('version', version, 'dueSoonMinutes', due_soon_minutes, 'companyTierProperty', company_tier_property)
           FROM sla_settings WHERE id = 1) AS settings,
        COALESCE((SELECT json_agg(json_build_object('id', id, 'kind', kind, 'tier', tier, 'position', position, 'contact', contact,
           'companyId', company_id, 'propertyValues', property_values, 'domain', domain, 'includeSubdomains', include_subdomains))
           FROM tier_rules), '[]'::json) AS rules,
        COALESCE((SELECT json_agg(json_build_object('companyId', company_id, 'notes', notes, 'contacts', contacts,
           'targetMinutes', target_minutes, 'calendar', calendar))
           FROM enterprise_arrangements), '[]'::json) AS arrangements,
        COALESCE((SELECT json_agg(date ORDER BY date) FROM business_holidays), '[]'::json) AS holidays`;
    if (row?.settings) return buildSlaConfig({ ...row.settings, rules: row.rules, arrangements: row.arrangements, holidays: row.holidays });
    await ensureSlaSettings(db);
  }
  throw new Error("sla_settings could not be created");
}

/** Marks every ticket for recomputation (the tickets-rederive job does it); returns the new version. */
export async function bumpSlaVersion(db: Db): Promise<number> {
  await ensureSlaSettings(db);
  const settings = await db.slaSettings.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  return settings.version;
}
