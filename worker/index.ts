import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { markWorkerStopped } from "@/lib/jobs/heartbeat";
import { startHubSpotSync } from "@/lib/jobs/hubspot-startup";
import { createQueue } from "@/lib/jobs/queue";
import { startSlaJobs } from "@/lib/jobs/sla-startup";
import { startSlackJobs } from "@/lib/jobs/slack-startup";
import { jobs } from "@/lib/jobs/registry";

const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const settings = env();
const boss = createQueue(settings.DATABASE_URL, "worker");
boss.on("error", (error) => console.error("worker: queue error", error));

// Aborted at shutdown so that long jobs stop at their next safe point instead of being cut off.
const stopSignal = new AbortController();

await boss.start();
for (const job of jobs) {
  await boss.createQueue(job.name, job.queue);
  await boss.work(job.name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([raw]) => {
    if (!raw) return;
    const payload = job.payload.parse(raw.data);
    await job
      .handler(payload, { instanceId, signal: AbortSignal.any([raw.signal, stopSignal.signal]), send: (name, data, options) => boss.send(name, data, options ?? {}) })
      .catch((error: unknown) => {
        // pg-boss records the failure and retries; the log says why.
        console.error(`worker: ${job.name} job ${raw.id} failed:`, error instanceof Error ? error.message : error);
        throw error;
      });
  });
}
console.log(`worker: ${await startSlaJobs(boss)}`);
console.log(`worker: ${await startHubSpotSync(boss)}`);
console.log(`worker: ${await startSlackJobs(boss)}`);

const beat = () =>
  boss.send("heartbeat", { sentAt: new Date().toISOString() }, { singletonKey: instanceId }).catch((error: unknown) => {
    console.error("worker: could not queue a heartbeat", error);
  });
await beat();
const beatTimer = setInterval(beat, settings.WORKER_HEARTBEAT_SECONDS * 1000);
console.log(`worker: ready ${instanceId} (${jobs.length} job types)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`worker: ${signal}, finishing running jobs`);
  clearInterval(beatTimer);
  stopSignal.abort();
  try {
    await boss.stop({ graceful: true, timeout: 20_000, close: true });
    await markWorkerStopped(instanceId);
    await db().$disconnect();
    console.log("worker: stopped");
    process.exit(0);
  } catch (error) {
    console.error("worker: unclean stop", error);
    process.exit(1);
  }
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
