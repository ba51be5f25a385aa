// `npm run db:migrate`: applies pending migrations to DATABASE_URL or, when it is unset, to the
// embedded Postgres that `npm start` uses (.data/postgres, port 5433), started for the occasion.
import { fileURLToPath } from "node:url";
import { DATABASE_NAME, postgresUrl, startEmbeddedPostgres } from "./embedded";
import { applyMigrations } from "./migrate";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../.data/postgres", import.meta.url));
const DEFAULT_PORT = 5433;

async function main(): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (url) return report(await applyMigrations(url));

  const postgres = await startEmbeddedPostgres({ dataDir: DEFAULT_DATA_DIR, port: DEFAULT_PORT }).catch((error: Error) => {
    const running = postgresUrl(DEFAULT_PORT, DATABASE_NAME);
    throw new Error(`${error.message}\nIf \`npm start\` is running, migrate its database with DATABASE_URL=${running}`);
  });
  try {
    return report(await applyMigrations(postgres.url));
  } finally {
    await postgres.stop();
  }
}

function report({ applied }: { applied: string[] }): string {
  if (applied.length === 0) return "No pending migrations.";
  return `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`;
}

main().then(
  (message) => console.log(message),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
