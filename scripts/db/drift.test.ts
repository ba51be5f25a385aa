// Proves prisma/migrations and prisma/schema.prisma describe the same database: one database gets
// the migrations, another gets the engine's SQL straight from the schema, and their catalogs
// must match. A model edited without `npm run db:migration` fails here.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { describeSchema, type SchemaDescription } from "./describe-schema";
import { applyMigrations } from "./migrate";
import { diffSchemas } from "./schema-engine";

const schemaPath = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

async function describeFreshDatabase(schema: string): Promise<SchemaDescription> {
  const sql = await diffSchemas("empty", [{ path: "schema.prisma", content: schema }]);
  const db = await createTestDatabase({ empty: true });
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(sql ?? "");
    } finally {
      await client.end();
    }
    return await describeSchema(db.url);
  } finally {
    await db.drop();
  }
}

describe("prisma/migrations", () => {
  let migrated: TestDatabase;
  let schema: string;
  beforeAll(async () => {
    migrated = await createTestDatabase({ empty: true });
    await applyMigrations(migrated.url);
    schema = await readFile(schemaPath, "utf8");
  });
  afterAll(() => migrated.drop());

  it("build the database prisma/schema.prisma describes", async () => {
    const expected = await describeFreshDatabase(schema);
    expect(expected.columns.length).toBeGreaterThan(0);
    expect(await describeSchema(migrated.url), "run `npm run db:migration -- <name>`").toEqual(expected);
  });

  it("would be caught lagging behind a schema change", async () => {
    const changed = `${schema}\nmodel DriftProbe {\n  id Int @id\n\n  @@map("drift_probe")\n}\n`;
    expect(await describeSchema(migrated.url)).not.toEqual(await describeFreshDatabase(changed));
  });
});
