// `npm start` (and `npm run dev` with --dev): the whole product on one machine, nothing to set up.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvError } from "../lib/env";
import { DEMO_USERS } from "../fakes/oidc/users";
import { startStack } from "./stack/stack";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const dev = process.argv.includes("--dev");

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    console.error(`Invalid settings:\n  - ${name} must be a port number, got "${value}"`);
    process.exit(1);
  }
  return parsed;
}

async function run() {
  const started = Date.now();
  const say = (line: string) => console.log(`[start] ${line}`);
  let stack: Awaited<ReturnType<typeof startStack>>;
  try {
    stack = await startStack({
      root,
      dataDir: path.join(root, ".data"),
      mode: dev ? "dev" : "production",
      env: process.env,
      ports: {
        web: port("PORT", 3000),
        idp: port("DEMO_OIDC_PORT", 3001),
        postgres: port("EMBEDDED_POSTGRES_PORT", 5433),
        hubspot: port("HUBSPOT_FAKE_PORT", 3002),
        slack: port("SLACK_FAKE_PORT", 3003),
      },
      log: "inherit",
      say,
    });
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : `Support Desk could not start: ${(error as Error).message}`);
    process.exit(1);
  }

  say(`Support Desk is ready at ${stack.url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (stack.hubspotSimulatorUrl) say(`HubSpot simulator (demo data; control API under /_control/): ${stack.hubspotSimulatorUrl}`);
  if (stack.slackSimulatorUrl) say(`Slack simulator, #support-tickets as the app posts to it: ${stack.slackSimulatorUrl}`);
  if (stack.demoSignIn) {
    say("Demo sign-in (no identity provider configured):");
    for (const user of DEMO_USERS) say(`  ${user.email}  ${user.description}`);
  }
  say("Press Ctrl-C to stop.");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say("stopping…");
    await stack.stop();
    say("stopped");
    process.exit(0);
  };
  // embedded-postgres installs its own exit hook that stops Postgres on the first signal, while
  // the worker may still be finishing a job; stack.stop() stops Postgres last instead.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop());
  }
}

// The terminal sends Ctrl-C to its whole foreground process group, which would stop Postgres
// before the worker has finished its jobs. So the real work runs in a group of its own, and
// this launcher turns Ctrl-C into one orderly SIGTERM.
if (process.env.SUPPORT_DESK_LAUNCHED === "1") {
  await run();
} else {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    cwd: root,
    detached: true,
    stdio: "inherit",
    env: { ...process.env, SUPPORT_DESK_LAUNCHED: "1" },
  });
  const forward = () => child.kill("SIGTERM");
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
