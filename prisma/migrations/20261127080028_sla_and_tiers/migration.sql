-- CreateEnum
CREATE TYPE "CustomerTier" AS ENUM ('MANAGED', 'COMMUNITY', 'ENTERPRISE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "TierRuleKind" AS ENUM ('CONTACT', 'COMPANY', 'COMPANY_PROPERTY', 'EMAIL_DOMAIN');

-- CreateEnum
CREATE TYPE "TierDecidedBy" AS ENUM ('CONTACT', 'COMPANY', 'COMPANY_PROPERTY', 'EMAIL_DOMAIN', 'NONE');

-- CreateEnum
CREATE TYPE "FirstResponseSource" AS ENUM ('THREAD', 'HUBSPOT_PROPERTY');

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "customer_company_id" TEXT,
ADD COLUMN     "customer_contact_id" TEXT,
ADD COLUMN     "derived_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "first_response_at" TIMESTAMPTZ(3),
ADD COLUMN     "first_response_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "first_response_on_time" BOOLEAN,
ADD COLUMN     "first_response_source" "FirstResponseSource",
ADD COLUMN     "is_open" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "sla_applies" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sla_breach_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_calendar_key" TEXT,
ADD COLUMN     "sla_due_soon_at" TIMESTAMPTZ(3),
ADD COLUMN     "sla_target_minutes" INTEGER,
ADD COLUMN     "tier" "CustomerTier",
ADD COLUMN     "tier_decided_by" "TierDecidedBy",
ADD COLUMN     "tier_reason" TEXT,
ADD COLUMN     "tier_rule_id" UUID,
ADD COLUMN     "urgency_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "urgency_rank" SMALLINT NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "tier_rules" (
    "id" UUID NOT NULL,
    "kind" "TierRuleKind" NOT NULL,
    "tier" "CustomerTier" NOT NULL,
    "position" INTEGER NOT NULL,
    "contact" TEXT,
    "company_id" TEXT,
    "property_values" TEXT[],
    "domain" TEXT,
    "include_subdomains" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tier_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enterprise_arrangements" (
    "company_id" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "contacts" TEXT NOT NULL DEFAULT '',
    "target_minutes" INTEGER,
    "calendar" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "enterprise_arrangements_pkey" PRIMARY KEY ("company_id")
);

-- CreateTable
CREATE TABLE "business_holidays" (
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "business_holidays_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "sla_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "due_soon_minutes" INTEGER NOT NULL DEFAULT 60,
    "company_tier_property" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sla_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stale_alerts" (
    "id" UUID NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "last_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "stale_since" TIMESTAMPTZ(3) NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "posted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stale_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tier_rules_kind_position_idx" ON "tier_rules"("kind", "position");

-- CreateIndex
CREATE UNIQUE INDEX "stale_alerts_period_key_key" ON "stale_alerts"("period_key");

-- CreateIndex
CREATE INDEX "stale_alerts_ticket_id_last_updated_at_idx" ON "stale_alerts"("ticket_id", "last_updated_at");

-- CreateIndex
CREATE INDEX "stale_alerts_posted_at_idx" ON "stale_alerts"("posted_at");

-- CreateIndex
CREATE INDEX "stale_alerts_detected_at_idx" ON "stale_alerts"("detected_at");

-- CreateIndex
CREATE INDEX "tickets_tier_rule_id_idx" ON "tickets"("tier_rule_id");

-- CreateIndex
CREATE INDEX "tickets_derived_version_idx" ON "tickets"("derived_version");

-- CreateIndex
CREATE INDEX "tickets_first_response_at_idx" ON "tickets"("first_response_at");

-- CreateIndex
CREATE INDEX "tickets_is_open_urgency_rank_urgency_at_id_idx" ON "tickets"("is_open", "urgency_rank", "urgency_at", "id");

-- CreateIndex
CREATE INDEX "tickets_is_open_tier_urgency_rank_urgency_at_id_idx" ON "tickets"("is_open", "tier", "urgency_rank", "urgency_at", "id");

-- CreateIndex
CREATE INDEX "tickets_is_open_opened_at_id_idx" ON "tickets"("is_open", "opened_at", "id");

-- CreateIndex
CREATE INDEX "tickets_is_open_hs_last_modified_at_id_idx" ON "tickets"("is_open", "hs_last_modified_at", "id");

-- AddForeignKey
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_tier_rule_id_fkey" FOREIGN KEY ("tier_rule_id") REFERENCES "tier_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stale_alerts" ADD CONSTRAINT "stale_alerts_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;
