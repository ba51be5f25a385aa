-- CreateIndex
CREATE INDEX "tickets_is_open_sla_breach_at_idx" ON "tickets"("is_open", "sla_breach_at");
