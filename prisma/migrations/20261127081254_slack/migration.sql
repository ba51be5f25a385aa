-- CreateEnum
CREATE TYPE "SlackMessageKind" AS ENUM ('TICKET', 'CUSTOMER_MESSAGE', 'ALERT', 'REPLY_CONFIRMATION');

-- CreateEnum
CREATE TYPE "SlackAlertKind" AS ENUM ('STALE', 'DUE_SOON', 'BREACHED');

-- CreateTable
CREATE TABLE "slack_channels" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "bot_user_id" TEXT NOT NULL,
    "bot_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slack_messages" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SlackMessageKind" NOT NULL,
    "ticket_id" TEXT,
    "hubspot_message_id" TEXT,
    "channel_id" TEXT NOT NULL,
    "thread_ts" TEXT,
    "ts" TEXT,
    "permalink" TEXT,
    "content_hash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "first_attempt_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "posted_at" TIMESTAMPTZ(3),
    "checked_at" TIMESTAMPTZ(3),
    "edited_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slack_alerts" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SlackAlertKind" NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "stale_alert_id" UUID,
    "due_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "posted_at" TIMESTAMPTZ(3),
    "dropped_at" TIMESTAMPTZ(3),
    "drop_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slack_users" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "is_bot" BOOLEAN NOT NULL DEFAULT false,
    "is_guest" BOOLEAN NOT NULL DEFAULT false,
    "user_id" UUID,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_users_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "slack_messages_key_key" ON "slack_messages"("key");

-- CreateIndex
CREATE UNIQUE INDEX "slack_messages_hubspot_message_id_key" ON "slack_messages"("hubspot_message_id");

-- CreateIndex
CREATE INDEX "slack_messages_ticket_id_kind_idx" ON "slack_messages"("ticket_id", "kind");

-- CreateIndex
CREATE INDEX "slack_messages_kind_posted_at_idx" ON "slack_messages"("kind", "posted_at");

-- CreateIndex
CREATE UNIQUE INDEX "slack_messages_channel_id_ts_key" ON "slack_messages"("channel_id", "ts");

-- CreateIndex
CREATE UNIQUE INDEX "slack_alerts_key_key" ON "slack_alerts"("key");

-- CreateIndex
CREATE UNIQUE INDEX "slack_alerts_stale_alert_id_key" ON "slack_alerts"("stale_alert_id");

-- CreateIndex
CREATE INDEX "slack_alerts_posted_at_dropped_at_detected_at_idx" ON "slack_alerts"("posted_at", "dropped_at", "detected_at");

-- CreateIndex
CREATE INDEX "slack_alerts_ticket_id_idx" ON "slack_alerts"("ticket_id");

-- CreateIndex
CREATE INDEX "slack_users_email_idx" ON "slack_users"("email");

-- CreateIndex
CREATE INDEX "slack_users_user_id_idx" ON "slack_users"("user_id");

-- AddForeignKey
ALTER TABLE "slack_messages" ADD CONSTRAINT "slack_messages_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slack_alerts" ADD CONSTRAINT "slack_alerts_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slack_alerts" ADD CONSTRAINT "slack_alerts_stale_alert_id_fkey" FOREIGN KEY ("stale_alert_id") REFERENCES "stale_alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slack_users" ADD CONSTRAINT "slack_users_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
