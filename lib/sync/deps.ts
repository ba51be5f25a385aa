import type { Clock } from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { HubSpotClient } from "@/lib/integrations/hubspot/client";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/** What the sync engine works with; jobs pass the process's own, tests their own. */
export interface SyncDeps {
  db: Db;
  hubspot: HubSpotClient;
  clock: Clock;
  log?: (line: string) => void;
}
