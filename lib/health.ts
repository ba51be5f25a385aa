import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";

export const HEARTBEAT_MAX_AGE_MS = 60_000;

export type PartStatus = "ok" | "unreachable" | "pending" | "down";

export interface Health {
  status: "ok" | "error";
  db: PartStatus;
  migrations: PartStatus;
  worker: PartStatus;
}

/** The migrations this build ships: folders under prisma/migrations holding a migration.sql. */
async function shippedMigrations(): Promise<string[]> {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  const names = await readdir(dir);
  const withSql = await Promise.all(
    names.map(async (name) => ((await stat(path.join(dir, name, "migration.sql")).catch(() => null)) ? name : null)),
  );
  return withSql.filter((name): name is string => name !== null);
}

async function migrationsApplied(): Promise<boolean> {
  const rows = await db().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  return (await shippedMigrations()).every((name) => applied.has(name));
}

async function workerAlive(now: Date): Promise<boolean> {
  const alive = await db().workerHeartbeat.count({
    where: { stoppedAt: null, beatAt: { gt: new Date(now.getTime() - HEARTBEAT_MAX_AGE_MS) } },
  });
  return alive > 0;
}

/** Is Postgres answering, is every shipped migration applied, and has a worker beaten lately? */
export async function checkHealth(now = new Date()): Promise<Health> {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    return { status: "error", db: "unreachable", migrations: "pending", worker: "down" };
  }
  const migrations: PartStatus = (await migrationsApplied().catch(() => false)) ? "ok" : "pending";
  const worker: PartStatus = (await workerAlive(now).catch(() => false)) ? "ok" : "down";
  const status = migrations === "ok" && worker === "ok" ? "ok" : "error";
  return { status, db: "ok", migrations, worker };
}
