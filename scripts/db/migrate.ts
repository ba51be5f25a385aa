// Applies prisma/migrations the way `prisma migrate deploy` does: the same schema engine, the same
// `_prisma_migrations` bookkeeping, so the Prisma CLI and these scripts can manage one database.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { noFilters, withDatabaseSchemaEngine } from "./schema-engine";

export const projectMigrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** Applies the migrations not yet recorded in the database, oldest first; returns their names. */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir = projectMigrationsDir,
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrations(migrationsDir);
  const { appliedMigrationNames } = await withDatabaseSchemaEngine(databaseUrl, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return { applied: appliedMigrationNames };
}

/** Names of the migrations in `migrationsDir` that the database has not finished applying. */
export async function pendingMigrations(databaseUrl: string, migrationsDir = projectMigrationsDir): Promise<string[]> {
  const local = (await readMigrations(migrationsDir)).migrationDirectories.map((m) => m.path);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return local;
    // A rolled-back row is history only; a row without finished_at is a failed attempt.
    const done = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((row) => row.migration_name));
    return local.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/** Reads the migrations folder into the shape the engine takes, as the Prisma CLI does. */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockfile = { path: "migration_lock.toml", content: await readOptional(path.join(migrationsDir, "migration_lock.toml")) };
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const content = await readOptional(path.join(migrationsDir, name, "migration.sql"));
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          // The engine reports a directory without a script itself, naming it.
          content: content === null ? { tag: "error" as const, value: "migration.sql is missing" } : { tag: "ok" as const, value: content },
        },
      };
    }),
  );
  return { baseDir: migrationsDir, lockfile, shadowDbInitScript: "", migrationDirectories };
}

async function readOptional(file: string): Promise<string | null> {
  return readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
}
