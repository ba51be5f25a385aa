import { existsSync } from "node:fs";
import { chromium, defineConfig } from "@playwright/test";

// Playwright's own Chromium where it is installed (a laptop); Debian's elsewhere (CI here).
function chromiumPath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No bundled browser registered.
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export const E2E_PORTS = {
  web: Number(process.env.E2E_WEB_PORT ?? 3100),
  idp: Number(process.env.E2E_IDP_PORT ?? 3101),
  postgres: Number(process.env.E2E_POSTGRES_PORT ?? 5510),
  control: Number(process.env.E2E_CONTROL_PORT ?? 3109),
  hubspot: Number(process.env.E2E_HUBSPOT_PORT ?? 3102),
  slack: Number(process.env.E2E_SLACK_PORT ?? 3103),
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  outputDir: "test-results/playwright",
  use: {
    baseURL: `http://localhost:${E2E_PORTS.web}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1366, height: 900 } } }],
});
