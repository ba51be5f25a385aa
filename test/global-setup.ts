// Starts one throwaway Postgres for the whole test run and migrates it. Tests reach it through
// `inject("databaseUrl")`, or get a database of their own from test/db.ts.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { DATABASE_NAME, postgresUrl, startEmbeddedPostgres } from "../scripts/db/embedded";
import { applyMigrations } from "../scripts/db/migrate";
import { freePort } from "../scripts/free-port";

const TEMPLATE = "support_desk_template";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // mkdtemp makes the folder 0700; as root, startEmbeddedPostgres then keeps the data where the
  // postgres user can reach it (see scripts/db/embedded.ts) and deletes it on stop.
  const dir = await mkdtemp(path.join(os.tmpdir(), "support-desk-test-"));
  const port = await freePort();
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port, persistent: false });
  const teardown = async () => {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const adminUrl = postgresUrl(port, "postgres");
    await applyMigrations(postgres.url);
    // Copying a template is much faster than migrating each new database. Connections to the
    // template would make the copy fail, hence ALLOW_CONNECTIONS false.
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${TEMPLATE} TEMPLATE ${DATABASE_NAME}`);
      await admin.query(`ALTER DATABASE ${TEMPLATE} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    } finally {
      await admin.end();
    }
    project.provide("databaseUrl", postgres.url);
    project.provide("adminUrl", adminUrl);
    project.provide("templateDatabase", TEMPLATE);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

