import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { QUEUE_SCHEMA } from "@/lib/jobs/queue";
import { SLA_QUEUES } from "@/lib/jobs/sla-queues";
import { SLACK_QUEUES } from "@/lib/jobs/slack-queues";

// The web app's side of the job queue: it only sends. Started once per process, lazily, with
// pg-boss's maintenance and cron left to the workers.

const globalForProducer = globalThis as unknown as { jobProducer?: Promise<PgBoss> };

export function producer(): Promise<PgBoss> {
  globalForProducer.jobProducer ??= start().catch((error: unknown) => {
    globalForProducer.jobProducer = undefined;
    throw error;
  });
  return globalForProducer.jobProducer;
}

async function start(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env().DATABASE_URL,
    schema: QUEUE_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  boss.on("error", (error) => console.error("job producer: queue error", error));
  await boss.start();
  // The worker creates its queues too; whichever starts first does it (creating is idempotent).
  for (const queue of [...Object.values(HUBSPOT_QUEUES), ...Object.values(SLA_QUEUES), ...Object.values(SLACK_QUEUES)]) await boss.createQueue(queue.name, queue.settings);
  return boss;
}
