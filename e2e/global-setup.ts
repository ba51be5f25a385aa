import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startStack } from "../scripts/stack/stack";
import { openLog } from "../scripts/stack/service";
import { E2E_PORTS } from "../playwright.config";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Starts the product as `npm start` does (production build, worker, demo identity provider),
 * on a fresh embedded Postgres, plus a small control server through which tests can stop and
 * start the worker. Output goes to test-results/stack.log.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "support-desk-e2e-"));
  chmodSync(dataDir, 0o755);
  const logPath = path.join(root, "test-results", "stack.log");
  rmSync(logPath, { force: true });
  mkdirSync(path.dirname(logPath), { recursive: true });
  const log = openLog(logPath);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "GITHUB_ID", "GOOGLE_CLIENT_ID", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "HUBSPOT_ACCESS_TOKEN", "SLACK_BOT_TOKEN", "ADMIN_EMAILS", "ALLOWED_EMAIL_DOMAINS"]) {
    delete env[name];
  }
  const stack = await startStack({
    root,
    dataDir,
    mode: "production",
    env: { ...env, ADMIN_EMAILS: "ada@flowforge.com", WORKER_HEARTBEAT_SECONDS: "2" },
    ports: { web: E2E_PORTS.web, idp: E2E_PORTS.idp, postgres: E2E_PORTS.postgres, hubspot: E2E_PORTS.hubspot, slack: E2E_PORTS.slack },
    log,
    say: (line) => console.log(`[e2e] ${line}`),
  });

  const control = createServer((request, response) => {
    const actions: Record<string, () => Promise<void>> = {
      "/worker/stop": () => stack.stopWorker(),
      "/worker/start": () => stack.startWorker(),
    };
    const action = request.method === "POST" ? actions[request.url ?? ""] : undefined;
    if (!action) {
      response.writeHead(404).end();
      return;
    }
    action().then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => control.listen(E2E_PORTS.control, "127.0.0.1", resolve));
  process.env.E2E_DATABASE_URL = stack.env.DATABASE_URL;
  process.env.E2E_HUBSPOT_URL = stack.hubspotSimulatorUrl;
  process.env.E2E_SLACK_URL = stack.slackSimulatorUrl;

  return async () => {
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await stack.stop();
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
