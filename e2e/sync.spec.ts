import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { HubSpotControlClient } from "../fakes/hubspot/control-client";
import { ADA, MAX, signInToShell } from "./fixtures/auth";

// The stack runs the HubSpot simulator (300 demo tickets) with webhooks to the app: the sync
// screen shows the backfill, and a change made in "HubSpot" reaches the dashboard.

function simulator(): HubSpotControlClient {
  const url = process.env.E2E_HUBSPOT_URL;
  if (!url) throw new Error("E2E_HUBSPOT_URL is not set: the e2e stack did not start the HubSpot simulator");
  return new HubSpotControlClient(url);
}

/** Reloads until the condition holds (the page also refreshes itself every 10 s). */
async function eventually(page: Page, check: () => Promise<void>, timeout = 45_000) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout, intervals: [500, 1000, 2000] });
}

async function openSyncHealth(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sync health" }).click();
  await expect(page.getByRole("heading", { name: "Sync health", level: 1 })).toBeVisible();
}

test("an admin sees the completed backfill, and a change made in HubSpot arrives", async ({ page }) => {
  // Waits on real background work (webhooks, the worker): more time than a plain page check.
  test.slow();
  await signInToShell(page, ADA);
  await openSyncHealth(page);
  await eventually(page, async () => {
    await expect(page.getByTestId("backfill-status")).toHaveText("Completed", { timeout: 1000 });
  });
  await expect(page.getByTestId("backfill-tickets")).toHaveText("300");
  await expect(page.getByTestId("sync-status")).toContainText("Up to date with HubSpot");

  const subject = `Changed in HubSpot at ${new Date().toISOString()}`;
  await simulator().updateTicket("4200000001", { subject, hs_pipeline_stage: "3" });
  await eventually(page, async () => {
    await expect(page.getByTestId("latest-tickets").getByRole("row").filter({ hasText: subject })).toContainText("Waiting on us", { timeout: 1000 });
  });
  await expect(page.getByTestId("webhooks-status")).toHaveText("OK");

  await page.getByRole("button", { name: "Resync" }).click();
  await expect(page.getByText(/Resync queued|already waiting/)).toBeVisible();
  await eventually(page, async () => {
    await expect(page.getByTestId("reconcile-status")).toHaveText("OK", { timeout: 1000 });
  });
});

test("a ticket raised in HubSpot arrives, and the home page counts tickets", async ({ page }) => {
  test.slow();
  await signInToShell(page, ADA);
  await expect(page.getByTestId("hubspot-summary")).toBeVisible();
  expect(Number((await page.getByTestId("home-open").textContent())?.replace(/,/g, ""))).toBeGreaterThan(0);
  const subject = `Our instance is down (${Date.now()})`;
  await simulator().createTicket({ subject, content: "Nothing loads since this morning." });
  await openSyncHealth(page);
  await eventually(page, async () => {
    await expect(page.getByTestId("latest-tickets").getByRole("row").filter({ hasText: subject })).toContainText("New", { timeout: 1000 });
  });
});

test("a member sees sync health but no Resync button", async ({ page }) => {
  await signInToShell(page, MAX);
  await openSyncHealth(page);
  await expect(page.getByTestId("backfill")).toBeVisible();
  await expect(page.getByRole("button", { name: "Resync" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Full backfill/ })).toHaveCount(0);
});

test("sync health passes axe and fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signInToShell(page, ADA);
  await openSyncHealth(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  // The full-backfill confirmation works from the keyboard, and Cancel leaves everything as it was.
  const full = page.getByRole("button", { name: "Full backfill…" });
  await full.focus();
  await page.keyboard.press("Enter");
  await expect(full).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("group").getByText(/Read all .* tickets from HubSpot again/)).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("group")).toHaveCount(0);
  await expect(full).toHaveAttribute("aria-expanded", "false");
});
