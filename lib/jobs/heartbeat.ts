import { hostname } from "node:os";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineJob } from "@/lib/jobs/definition";

/**
 * Proves the whole loop works: a job was queued in Postgres, picked up and run. The worker
 * that ran it records the beat, so /api/health reports a worker only while jobs really flow.
 */
export const heartbeatJob = defineJob({
  name: "heartbeat",
  payload: z.object({ sentAt: z.iso.datetime() }),
  queue: { retryLimit: 0, expireInSeconds: 30, deleteAfterSeconds: 600 },
  async handler(_payload, { instanceId }) {
    const now = new Date();
    await db().workerHeartbeat.upsert({
      where: { instanceId },
      create: { instanceId, hostname: hostname(), pid: process.pid, startedAt: now, beatAt: now },
      update: { beatAt: now, stoppedAt: null },
    });
  },
});

export async function markWorkerStopped(instanceId: string): Promise<void> {
  await db().workerHeartbeat.updateMany({ where: { instanceId }, data: { stoppedAt: new Date() } });
}
