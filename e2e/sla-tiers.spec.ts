import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { distDir } from "../scripts/stack/build";
import { ADA, MAX, signInToShell } from "./fixtures/auth";

// The queue, the SLA screen and the Tiers screen against the stack's HubSpot simulator, whose
// tickets the worker backfills when it starts.

const SYNC_TIMEOUT = 120_000;

/** Reloads until the worker has synced and derived tickets into the queue. */
async function openSyncedQueue(page: Page, url = "/queue"): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    expect(await page.getByTestId("ticket-row").count()).toBeGreaterThan(0);
  }).toPass({ timeout: SYNC_TIMEOUT, intervals: [1000, 2000] });
}

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

async function rowTiers(page: Page): Promise<string[]> {
  return page.getByTestId("ticket-tier").locator("span").first().allInnerTexts();
}

test("the queue filters by tier and SLA state, sorts and pages, all kept in the URL", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signInToShell(page, MAX);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Queue" }).click();
  await openSyncedQueue(page);
  await expect(page.getByRole("heading", { name: "Queue" })).toBeVisible();

  // The first page and the next one never share a ticket (keyset paging, no OFFSET).
  const filters = page.getByRole("form", { name: "Filter and sort the queue" });
  await filters.getByLabel("Per page").selectOption("25");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]size=25/);
  const firstPage = await page.getByTestId("ticket-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-ticket-id")));
  expect(firstPage.length).toBe(25);
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/[?&]after=/);
  const secondPage = await page.getByTestId("ticket-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-ticket-id")));
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await expect(filters.getByLabel("Per page")).toHaveValue("25");

  await filters.getByLabel("Tier").selectOption("COMMUNITY");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]tier=COMMUNITY/);
  await expect(page).not.toHaveURL(/after=/);
  await expect(page.getByTestId("ticket-row").first()).toBeVisible();
  expect(new Set(await page.getByTestId("ticket-tier").evaluateAll((cells) => cells.map((cell) => cell.querySelector("span")?.textContent)))).toEqual(new Set(["Community"]));
  // Community carries no SLA.
  expect(new Set(await page.getByTestId("sla-timer").evaluateAll((timers) => timers.map((timer) => timer.getAttribute("data-state"))))).toEqual(new Set(["not_applicable"]));

  await filters.getByLabel("Tier").selectOption("MANAGED");
  await filters.getByLabel("SLA state").selectOption("met");
  await filters.getByLabel("Sort").selectOption("newest");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/tier=MANAGED/);
  await expect(page).toHaveURL(/sla=met(&|$)/);
  await expect(page).toHaveURL(/sort=newest/);
  // A reload (or a shared link) shows the same view.
  await page.reload();
  await expect(filters.getByLabel("Tier")).toHaveValue("MANAGED");
  await expect(filters.getByLabel("SLA state")).toHaveValue("met");
  await expect(filters.getByLabel("Sort")).toHaveValue("newest");
  const rows = page.getByTestId("ticket-row");
  if ((await rows.count()) > 0) {
    expect(new Set(await rowTiers(page))).toEqual(new Set(["Managed"]));
    expect(new Set(await page.getByTestId("sla-timer").evaluateAll((timers) => timers.map((timer) => timer.getAttribute("data-state"))))).toEqual(new Set(["met"]));
  } else {
    await expect(page.getByText("No open tickets match these filters")).toBeVisible();
  }
  // The rule that decided is on every row.
  await page.getByRole("link", { name: "Reset" }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByTestId("tier-reason").first()).toContainText(/Company property support_tier|No tier rule matched/);
  // Server and browser rendered the same timers: no hydration warnings.
  expect(errors.filter((error) => /hydrat/i.test(error))).toEqual([]);
});

test("the SLA screen shows what needs attention and the weekly attainment against 95%", async ({ page }) => {
  await signInToShell(page, MAX);
  await openSyncedQueue(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SLA" }).click();
  await expect(page.getByRole("heading", { name: "SLA", exact: true })).toBeVisible();
  for (const name of [/^Breached/, /^Due soon/, /^Paused until business hours/, /^Stale/, "Latest first responses", "Attainment", "Business calendar"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByTestId("business-hours")).toContainText(/Business hours|Outside business hours/);
  const chart = page.getByTestId("attainment");
  await expect(chart.getByRole("img", { name: "First-response attainment per week against the 95% target" })).toBeVisible();
  await expect(chart.getByText("95% target").first()).toBeVisible();
  await expect(page.getByTestId("attainment-table").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  // Members read the calendar; they cannot change it.
  await expect(page.getByRole("button", { name: "Add" })).toHaveCount(0);
  // The figures lead to the queue, filtered.
  await page.getByTestId("sla-figures").getByRole("link", { name: /^Breached/ }).click();
  await expect(page).toHaveURL(/\/queue\?sla=breached/);
});

test("the Tiers screen lists tickets by tier with what to do, and the Unknown ones", async ({ page }) => {
  await signInToShell(page, MAX);
  await openSyncedQueue(page);
  await page.goto("/tiers");
  await expect(page.getByRole("heading", { name: "Tiers", exact: true })).toBeVisible();
  for (const tier of ["UNKNOWN", "ENTERPRISE", "MANAGED", "COMMUNITY"]) await expect(page.getByTestId(`tier-card-${tier}`)).toBeVisible();
  const community = page.getByTestId("tier-card-COMMUNITY");
  await expect(community).toContainText("raise an issue in flowforge/flowforge");
  await expect(community.getByRole("link", { name: "flowforge/flowforge issues" })).toHaveAttribute("href", "https://github.com/flowforge/flowforge/issues");
  await expect(page.getByTestId("tier-card-UNKNOWN")).toContainText("handled as Managed");
  await expect(page.getByRole("heading", { name: /^Waiting for a decision/ })).toBeVisible();
  await expect(page.getByTestId("unknown-list").getByTestId("ticket-row").first()).toBeVisible();
  // The default rules read the company property.
  await expect(page.getByTestId("tier-rule")).toHaveCount(3);
});

test("an admin assigns an Unknown customer, edits the rule, and the ticket follows each time", async ({ page }) => {
  // Three changes, each waiting for the worker's recompute.
  test.setTimeout(180_000);
  await signInToShell(page, ADA);
  await openSyncedQueue(page);
  await page.goto("/tiers");
  const unknownRows = page.getByTestId("unknown-list").getByTestId("ticket-row");
  await expect(unknownRows.first()).toBeVisible();
  // A ticket whose company no rule matched.
  const row = unknownRows.filter({ has: page.getByRole("button", { name: /^Assign company/ }) }).first();
  const ticketId = await row.getAttribute("data-ticket-id");
  expect(ticketId).toBeTruthy();
  await row.getByLabel(/^Tier for company/).selectOption("ENTERPRISE");
  await row.getByRole("button", { name: /^Assign company/ }).click();
  await expect(row.getByRole("status")).toHaveText("Assigned to Enterprise");

  // The worker recomputes: the ticket moves to the Enterprise list, decided by the new rule.
  const ticketIn = (list: string) => page.getByTestId(list).locator(`[data-ticket-id="${ticketId}"]`);
  await expect(async () => {
    await page.goto(`/queue?tier=ENTERPRISE&sort=newest`);
    await page.goto("/tiers");
    await expect(ticketIn("unknown-list")).toHaveCount(0);
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
  const companyRule = /^Company (?!property )/;
  const rule = page.getByTestId("tier-rule").filter({ hasText: companyRule });
  await expect(rule).toHaveCount(1);
  await expect(rule).toContainText("Enterprise");

  // Edit the rule: Community instead.
  await rule.getByRole("button", { name: /^Edit:/ }).click();
  const form = page.getByRole("form", { name: "Edit the rule" });
  await form.getByLabel("Tier").selectOption("COMMUNITY");
  await form.getByRole("button", { name: "Save rule" }).click();
  await expect(page.getByText("Rule saved; tickets are being recomputed.")).toBeVisible();
  await expect(async () => {
    await page.goto(`/queue?tier=COMMUNITY&sort=newest`);
    const ticket = page.locator(`[data-ticket-id="${ticketId}"]`);
    await expect(ticket.getByTestId("ticket-tier")).toContainText("Community");
    await expect(ticket.getByTestId("tier-reason")).toContainText("assigned to Community");
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });

  // Deleting it hands the decision back: Unknown again.
  await page.goto("/tiers");
  await page.getByTestId("tier-rule").filter({ hasText: companyRule }).getByRole("button", { name: /^Delete:/ }).click();
  await page.getByRole("dialog", { name: "Delete this rule?" }).getByRole("button", { name: "Delete rule" }).click();
  await expect(page.getByText("Rule deleted; tickets are being recomputed.")).toBeVisible();
  await expect(async () => {
    await page.goto(`/queue?tier=UNKNOWN&sort=newest`);
    await expect(page.locator(`[data-ticket-id="${ticketId}"]`).getByTestId("ticket-tier")).toContainText("Unknown");
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
});

function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir(process.cwd(), process.env), "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, { exportedName?: string; filename?: string }> }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) =>
    [entry, ...Object.values(entry.workers ?? {})].some((ref) => ref.exportedName === name && (ref.filename ?? "").includes("lib/actions/tiers")),
  );
  if (!found) throw new Error(`no server action ${name} in the manifest`);
  return found[0];
}

async function forge(request: APIRequestContext, id: string, args: unknown[]) {
  const response = await request.post("/tiers", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return response.text();
}

test("a member sees the rules read-only, and a forged rule change is refused", async ({ page, playwright }) => {
  await signInToShell(page, MAX);
  await openSyncedQueue(page);
  await page.goto("/tiers");
  await expect(page.getByTestId("tier-rules")).toBeVisible();
  await expect(page.getByText("Only admins can change them.")).toBeVisible();
  for (const name of ["Add a rule", "Add an arrangement", /^Edit/, /^Delete/, /^Assign/]) {
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  }
  const before = await page.getByTestId("tier-rule").count();

  const rule = { kind: "EMAIL_DOMAIN", domain: "forged.example", includeSubdomains: true, tier: "ENTERPRISE", order: 0 };
  expect(await forge(page.request, actionId("saveTierRule"), [{ id: null, rule }])).toContain("FORBIDDEN");
  const ruleId = await page.getByTestId("tier-rule").first().getAttribute("data-rule-id");
  expect(await forge(page.request, actionId("deleteTierRule"), [{ id: ruleId }])).toContain("FORBIDDEN");
  // Without any session at all: refused before anything else.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect(await forge(anonymous, actionId("saveTierRule"), [{ id: null, rule }])).toContain("UNAUTHENTICATED");
  await anonymous.dispose();

  await page.reload();
  await expect(page.getByTestId("tier-rule")).toHaveCount(before);
  await expect(page.getByText("forged.example")).toHaveCount(0);
});

for (const user of [ADA, MAX]) {
  for (const url of ["/queue", "/queue?sla=breached", "/sla", "/tiers"]) {
    test(`${url} passes axe as ${user.email}`, async ({ page }) => {
      // A long page on a busy machine: axe takes a while.
      test.setTimeout(120_000);
      await signInToShell(page, user);
      await openSyncedQueue(page);
      await page.goto(url);
      await expect(page.locator("main h1")).toBeVisible();
      await expectNoViolations(page, `${url} as ${user.email}`);
    });
  }
}

test("the queue, SLA and Tiers screens fit a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signInToShell(page, ADA);
  await openSyncedQueue(page);
  for (const url of ["/queue", "/sla", "/tiers"]) {
    await page.goto(url);
    await expect(page.locator("main h1")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} at 768 px`).toBe(0);
  }
});

test("the queue works from the keyboard", async ({ page }) => {
  await signInToShell(page, MAX);
  await openSyncedQueue(page);
  const tier = page.getByRole("form", { name: "Filter and sort the queue" }).getByLabel("Tier");
  await tier.focus();
  await tier.selectOption("UNKNOWN");
  // Tab on to Apply and press Enter.
  const apply = page.getByRole("button", { name: "Apply" });
  for (let i = 0; i < 8 && !(await apply.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(apply).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tier=UNKNOWN/);
});
