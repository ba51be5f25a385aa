// Prisma's schema engine, as WebAssembly. The Prisma CLI would download a native engine first,
// which cannot be done offline; the WebAssembly build ships in an npm package instead.
//
// The package's entry point imports the .wasm file as an ES module, which Node 20 accepts only
// with `--experimental-wasm-modules`, a flag every process would need (vitest's workers too).
// Instantiating the module here from its JavaScript glue works in any Node process.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type SchemaEngine = glue.SchemaEngine;
export type SchemaFile = { path: string; content: string };

/** Every table and enum is Prisma's to manage (prisma.config.ts declares no external ones). */
export const noFilters = { externalTables: [], externalEnums: [] };

let instantiated: Promise<void> | undefined;
// The engine sets timeouts but never clears them (applyMigrations leaves a 10 s one behind), which
// would keep a finished CLI alive. Its timers are tracked here and cleared once no engine is open.
const engineTimers = new Set<NodeJS.Timeout>();
let openEngines = 0;

function instantiateOnce(): Promise<void> {
  instantiated ??= (async () => {
    const glueFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glueFile), "schema_engine_bg.wasm"));
    const functions: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
    for (const name of Object.keys(functions).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      functions[name] = (callback: () => void, ms: number) => {
        const timer = setTimeout(() => {
          engineTimers.delete(timer);
          callback();
        }, ms >>> 0);
        engineTimers.add(timer);
        return timer;
      };
    }
    // The module imports its glue under the name the bundler-style entry point gives it.
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": functions });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  task: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await instantiateOnce();
  openEngines += 1;
  try {
    const engine = await glue.SchemaEngine.new(
      { datamodels: undefined },
      // The engine logs JSON lines at INFO and above; its errors also arrive as rejections.
      () => {},
      bindMigrationAwareSqlAdapterFactory(adapterFactory),
    );
    try {
      return await task(engine);
    } finally {
      engine.free();
    }
  } finally {
    openEngines -= 1;
    if (openEngines === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
}

/** Runs `task` with an engine connected to the database at `databaseUrl`. */
export async function withDatabaseSchemaEngine<T>(
  databaseUrl: string,
  task: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  // Our own pool, so that every connection is closed when we are done, whatever the engine does.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await withEngine(wholeScriptAdapterFactory(pool), task);
  } finally {
    await pool.end();
  }
}

// PrismaPg runs a script one `;`-separated piece at a time: that splits a statement with a `;`
// inside (a function body) and leaves a failed migration half applied. Prisma's native engine
// sends the whole script as one simple query, which Postgres runs as one implicit transaction;
// a query without parameters goes through pg's simple protocol, so executeRaw does just that.
function wholeScriptAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaPg(pool);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      return Object.assign(adapter, {
        executeScript: async (script: string) => {
          await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
        },
      });
    },
    // Only `migrate dev`-style commands want one, and PrismaPg cannot make one from a pool.
    connectToShadowDb: () => Promise.reject(new Error("No shadow database: the schema engine here only applies migrations")),
  };
}

/** Runs `task` with an engine that has no database: enough for `diff` between schema texts. */
export function withOfflineSchemaEngine<T>(task: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  return withEngine(offlineAdapterFactory(), task);
}

/** The SQL that takes a database from `from` to `to`, or null when they describe the same schema. */
export async function diffSchemas(from: SchemaFile[] | "empty", to: SchemaFile[]): Promise<string | null> {
  const result = await withOfflineSchemaEngine((engine) =>
    engine.diff({
      from: from === "empty" ? { tag: "empty" } : { tag: "schemaDatamodel", files: from },
      to: { tag: "schemaDatamodel", files: to },
      script: true,
      // Asks the engine to report a non-empty diff as exit code 2: the script alone cannot say,
      // since an empty one still holds a comment.
      exitCode: true,
      filters: noFilters,
    }),
  );
  return result.exitCode === 0 ? null : (result.stdout ?? "");
}

// SchemaEngine.new connects at once and asks the server what it is, even when it will only diff
// two schema texts. This stands in for the server: it answers that one question as the embedded
// Postgres 18 would, and refuses anything else, so a change in the engine fails loudly here.
const SERVER_PROBE = "SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1), version()";

function offlineAdapterFactory(): SqlMigrationAwareDriverAdapterFactory {
  const refuse = (what: string) =>
    Promise.reject(new Error(`The offline schema engine has no database, so it cannot run: ${what.slice(0, 200)}`));
  const adapter: SqlDriverAdapter = {
    provider: "postgres",
    adapterName: "support-desk-offline",
    queryRaw: (query: SqlQuery) =>
      query.sql.startsWith(SERVER_PROBE)
        ? Promise.resolve({
            columnNames: ["exists", "version", "numeric_version"],
            columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
            rows: [[true, "PostgreSQL 18.4", 180004]],
          })
        : refuse(query.sql),
    executeRaw: (query: SqlQuery) => refuse(query.sql),
    executeScript: (script: string) => refuse(script),
    startTransaction: () => refuse("a transaction"),
    dispose: () => Promise.resolve(),
  };
  const connect = () => Promise.resolve(adapter);
  return { provider: "postgres", adapterName: adapter.adapterName, connect, connectToShadowDb: connect };
}
