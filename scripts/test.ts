// `npm test`: lint, typecheck, unit + integration tests (vitest, real Postgres), then the
// Playwright journeys against the production build in Chromium. Every step runs; the last
// line sums up the tests of both runners.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

function run(step: Step): boolean {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command, step.args, { cwd: root, env: step.env ?? env, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${result.status === 0 ? "✔" : "✘"} ${step.name} (${seconds} s)`);
  return result.status === 0;
}

function ensureChromium(): void {
  const probe = spawnSync(process.execPath, ["-e", "const { chromium } = require('@playwright/test'); process.exit(require('fs').existsSync(chromium.executablePath()) ? 0 : 1)"], { cwd: root });
  if (probe.status === 0 || existsSync("/usr/bin/chromium")) return;
  console.log("No Chromium found: installing Playwright's (on Debian/Ubuntu without internet: apt-get install chromium)");
  spawnSync(bin("playwright"), ["install", "chromium"], { cwd: root, env, stdio: "inherit" });
}

function count(file: string, read: (json: Record<string, unknown>) => [number, number]): [number, number] {
  if (!existsSync(file)) return [0, 0];
  return read(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
}

rmSync(path.join(results, "vitest.json"), { force: true });
rmSync(path.join(results, "playwright.json"), { force: true });
mkdirSync(results, { recursive: true });
ensureChromium();

const outcomes = [
  run({ name: "lint", command: bin("eslint"), args: ["."] }),
  run({ name: "typecheck", command: bin("tsc"), args: ["--noEmit"] }),
  run({
    name: "unit and integration tests (vitest)",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
  }),
  run({
    name: "end-to-end journeys (Playwright, production build)",
    command: bin("playwright"),
    args: ["test"],
  }),
];

const [vitestPassed, vitestFailed] = count(path.join(results, "vitest.json"), (json) => [
  Number(json.numPassedTests ?? 0),
  Number(json.numFailedTests ?? 0),
]);
const [e2ePassed, e2eFailed] = count(path.join(results, "playwright.json"), (json) => {
  const stats = json.stats as { expected?: number; unexpected?: number; flaky?: number } | undefined;
  return [Number(stats?.expected ?? 0), Number(stats?.unexpected ?? 0) + Number(stats?.flaky ?? 0)];
});
const stepsFailed = outcomes.filter((ok) => !ok).length;
console.log(`\nvitest ${vitestPassed} passed, ${vitestFailed} failed; playwright ${e2ePassed} passed, ${e2eFailed} failed; ${stepsFailed} step(s) failed`);
console.log(`tests: ${vitestPassed + e2ePassed} passed, ${vitestFailed + e2eFailed + (stepsFailed > 0 && vitestFailed + e2eFailed === 0 ? stepsFailed : 0)} failed`);
process.exit(stepsFailed === 0 ? 0 : 1);
