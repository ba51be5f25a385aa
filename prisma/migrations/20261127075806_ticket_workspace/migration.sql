-- CreateEnum
CREATE TYPE "HubSpotWriteKind" AS ENUM ('NOTE', 'REPLY', 'TICKET_UPDATE');

-- CreateEnum
CREATE TYPE "HubSpotWriteStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "DocsGapStatus" AS ENUM ('OPEN', 'RESOLVED');

-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "notes_synced_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ticket_notes" (
    "ticket_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "body" TEXT,
    "owner_id" TEXT,
    "noted_at" TIMESTAMPTZ(3) NOT NULL,
    "hs_last_modified_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_notes_pkey" PRIMARY KEY ("ticket_id","id")
);

-- CreateTable
CREATE TABLE "hubspot_writes" (
    "id" UUID NOT NULL,
    "kind" "HubSpotWriteKind" NOT NULL,
    "status" "HubSpotWriteStatus" NOT NULL DEFAULT 'PENDING',
    "ticket_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "author_id" UUID,
    "author_name" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "first_attempt_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "hubspot_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hubspot_writes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "docs_gaps" (
    "id" UUID NOT NULL,
    "status" "DocsGapStatus" NOT NULL DEFAULT 'OPEN',
    "topic" TEXT NOT NULL,
    "ticket_id" TEXT,
    "suggested" JSONB NOT NULL DEFAULT '[]',
    "reported_by_id" UUID,
    "reported_by_name" TEXT NOT NULL,
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "article_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "docs_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_replies" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ticket_notes_ticket_id_noted_at_idx" ON "ticket_notes"("ticket_id", "noted_at");

-- CreateIndex
CREATE UNIQUE INDEX "hubspot_writes_idempotency_key_key" ON "hubspot_writes"("idempotency_key");

-- CreateIndex
CREATE INDEX "hubspot_writes_ticket_id_created_at_idx" ON "hubspot_writes"("ticket_id", "created_at");

-- CreateIndex
CREATE INDEX "hubspot_writes_author_id_idx" ON "hubspot_writes"("author_id");

-- CreateIndex
CREATE INDEX "hubspot_writes_status_created_at_idx" ON "hubspot_writes"("status", "created_at");

-- CreateIndex
CREATE INDEX "docs_gaps_status_created_at_id_idx" ON "docs_gaps"("status", "created_at", "id");

-- CreateIndex
CREATE INDEX "docs_gaps_ticket_id_idx" ON "docs_gaps"("ticket_id");

-- CreateIndex
CREATE INDEX "docs_gaps_reported_by_id_idx" ON "docs_gaps"("reported_by_id");

-- CreateIndex
CREATE INDEX "docs_gaps_resolved_by_id_idx" ON "docs_gaps"("resolved_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "saved_replies_title_key" ON "saved_replies"("title");

-- CreateIndex
CREATE INDEX "saved_replies_updated_by_id_idx" ON "saved_replies"("updated_by_id");

-- AddForeignKey
ALTER TABLE "hubspot_writes" ADD CONSTRAINT "hubspot_writes_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hubspot_writes" ADD CONSTRAINT "hubspot_writes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "docs_gaps" ADD CONSTRAINT "docs_gaps_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "docs_gaps" ADD CONSTRAINT "docs_gaps_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "docs_gaps" ADD CONSTRAINT "docs_gaps_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_replies" ADD CONSTRAINT "saved_replies_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
