import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The ticket's thread in Slack (its message's permalink, read from Slack when it was posted), or null. */
export async function ticketSlackThread(db: PrismaClient, ticketId: string): Promise<string | null> {
  const parent = await db.slackMessage.findUnique({ where: { key: `ticket:${ticketId}` }, select: { permalink: true } });
  return parent?.permalink ?? null;
}
