import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { applyMigrations, pendingMigrations, projectMigrationsDir, readMigrations } from "./migrate";

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

describe("applyMigrations on the project's migrations", () => {
  let db: TestDatabase;
  let names: string[];
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    names = (await readMigrations(projectMigrationsDir)).migrationDirectories.map((m) => m.path);
  });
  afterAll(() => db.drop());

  it("applies every migration once, then nothing", async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(await pendingMigrations(db.url)).toEqual(names);
    expect(await applyMigrations(db.url)).toEqual({ applied: names });
    expect(await applyMigrations(db.url)).toEqual({ applied: [] });
    expect(await pendingMigrations(db.url)).toEqual([]);
  });

  it("records them in _prisma_migrations as prisma migrate deploy does", async () => {
    const rows = await query<MigrationRow>(db.url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(projectMigrationsDir, row.migration_name, "migration.sql"));
      expect(row).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        checksum: createHash("sha256").update(sql).digest("hex"),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        logs: null,
        applied_steps_count: 1,
      });
      expect(row.started_at.getTime()).toBeLessThanOrEqual(row.finished_at?.getTime() ?? 0);
    }
  });

  it("has left the shared test database fully migrated", async () => {
    expect(await pendingMigrations(inject("databaseUrl"))).toEqual([]);
  });
});

describe("applyMigrations on hand-written migrations", () => {
  let dir: string;
  let db: TestDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "support-desk-migrations-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function migrations(scripts: Record<string, string>): Promise<string> {
    const base = await mkdtemp(path.join(dir, "set-"));
    for (const [name, sql] of Object.entries(scripts)) {
      await mkdir(path.join(base, name));
      await writeFile(path.join(base, name, "migration.sql"), sql);
    }
    db = await createTestDatabase({ empty: true });
    return base;
  }

  it("runs a script whole, so statements with semicolons inside survive", async () => {
    const base = await migrations({
      "20200101000000_function": `
        CREATE FUNCTION answer() RETURNS integer LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM 1;
          RETURN 42;
        END;
        $$;`,
    });
    try {
      await applyMigrations(db.url, base);
      expect(await query(db.url, "SELECT answer()")).toEqual([{ answer: 42 }]);
    } finally {
      await db.drop();
    }
  });

  it("rolls back a failing migration, names it, and refuses to go on", async () => {
    const base = await migrations({
      "20200101000000_good": "CREATE TABLE good (id integer);",
      "20200102000000_bad": "CREATE TABLE half_done (id integer);\nSELECT 1 / 0;",
      "20200103000000_after": "CREATE TABLE after (id integer);",
    });
    try {
      await expect(applyMigrations(db.url, base)).rejects.toThrow(/division by zero[\s\S]*20200102000000_bad/);
      const tables = await query<{ name: string }>(
        db.url,
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
      );
      expect(tables.map((t) => t.name)).toEqual(["_prisma_migrations", "good"]);
      await expect(applyMigrations(db.url, base)).rejects.toThrow(/20200102000000_bad.*failed/);
      expect(await pendingMigrations(db.url, base)).toEqual(["20200102000000_bad", "20200103000000_after"]);
    } finally {
      await db.drop();
    }
  });
});
