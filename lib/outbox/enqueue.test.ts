import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { QUEUE_SCHEMA } from "@/lib/jobs/queue";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { enqueueWrite, requeueWrite, type WriteIntent } from "./enqueue";

// The intent and its job commit together, on a real Postgres with a real pg-boss.

let database: TestDatabase;
let db: PrismaClient;
let boss: PgBoss;

beforeAll(async () => {
  database = await createTestDatabase();
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  boss = new PgBoss({ connectionString: database.url, schema: QUEUE_SCHEMA, supervise: false, schedule: false });
  await boss.start();
  await boss.createQueue(HUBSPOT_QUEUES.write.name, HUBSPOT_QUEUES.write.settings);
  await db.ticket.create({ data: { id: "501", hsLastModifiedAt: new Date(), properties: {} } });
});
afterAll(async () => {
  await boss?.stop({ graceful: false, close: true });
  await db?.$disconnect();
  await database?.drop();
});

function note(idempotencyKey: string = randomUUID()): WriteIntent {
  return { kind: "NOTE", ticketId: "501", payload: { text: "Internal", ownerId: null }, author: { id: null, name: "Ada" }, idempotencyKey };
}

async function jobsFor(writeId: string): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pgboss.job WHERE name = ${HUBSPOT_QUEUES.write.name} AND data->>'writeId' = ${writeId}`;
  return rows[0]!.count;
}

describe("enqueueWrite", () => {
  it("stores the intent with exactly one job, and a resubmitted form with none more", async () => {
    const intent = note();
    const first = await enqueueWrite(db, boss, intent);
    expect(first.created).toBe(true);
    expect(await jobsFor(first.write.id)).toBe(1);

    const again = await enqueueWrite(db, boss, intent);
    expect(again).toMatchObject({ created: false, write: { id: first.write.id } });
    const raced = await Promise.all([enqueueWrite(db, boss, note("same")), enqueueWrite(db, boss, note("same"))]);
    expect(new Set(raced.map((r) => r.write.id)).size).toBe(1);
    expect(await db.hubSpotWrite.count({ where: { idempotencyKey: { in: [intent.idempotencyKey, "same"] } } })).toBe(2);
    expect(await jobsFor(raced[0].write.id)).toBe(1);
  });

  it("refuses a key reused for another kind of write", async () => {
    const intent = note();
    await enqueueWrite(db, boss, intent);
    await expect(enqueueWrite(db, boss, { ...intent, kind: "TICKET_UPDATE", payload: { changes: [{ property: "hubspot_owner_id", from: null, to: "1" }], overwrite: false } })).rejects.toThrow(/already used/);
  });

  it("leaves neither intent nor job when the job cannot be queued", async () => {
    const broken = { send: () => Promise.reject(new Error("queue down")) } as unknown as PgBoss;
    const intent = note();
    await expect(enqueueWrite(db, broken, intent)).rejects.toThrow("queue down");
    expect(await db.hubSpotWrite.count({ where: { idempotencyKey: intent.idempotencyKey } })).toBe(0);
  });

  it("requeues only what failed or is stuck, with a new job and a fresh round", async () => {
    const { write } = await enqueueWrite(db, boss, note());
    await expect(requeueWrite(db, boss, write.id)).rejects.toThrow(/being delivered/);

    await db.hubSpotWrite.update({ where: { id: write.id }, data: { status: "FAILED", attempts: 6, lastError: "HubSpot had a server error", firstAttemptAt: new Date() } });
    const requeued = await requeueWrite(db, boss, write.id);
    expect(requeued).toMatchObject({ status: "PENDING", attempts: 0, lastError: "HubSpot had a server error" });
    expect(requeued.firstAttemptAt).not.toBeNull();
    expect(await jobsFor(write.id)).toBe(2);

    await db.hubSpotWrite.update({ where: { id: write.id }, data: { status: "SENT" } });
    await expect(requeueWrite(db, boss, write.id)).rejects.toThrow(/already reached HubSpot/);
  });
});
