// A backfill in a process of its own, so that a test can SIGKILL it mid-way (a worker crash).
//   DATABASE_URL, HUBSPOT_BASE_URL, HUBSPOT_ACCESS_TOKEN; RANGE_SIZE, CONCURRENCY optional.
import { PrismaPg } from "@prisma/adapter-pg";
import { systemClock } from "../lib/clock";
import { PrismaClient } from "../lib/generated/prisma/client";
import { HubSpotClient } from "../lib/integrations/hubspot/client";
import { runBackfill } from "../lib/sync/backfill";

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
const hubspot = new HubSpotClient({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN!, baseUrl: process.env.HUBSPOT_BASE_URL!, burstPer10s: 190 });
const progress = await runBackfill(
  { db, hubspot, clock: systemClock },
  { ...(process.env.RANGE_SIZE ? { rangeSize: Number(process.env.RANGE_SIZE) } : {}), concurrency: Number(process.env.CONCURRENCY ?? 4) },
);
console.log(`backfill-child: done=${progress.done}`);
await db.$disconnect();
