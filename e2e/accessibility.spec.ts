import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADA, MAX, signInToShell } from "./fixtures/auth";

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

test("sign-in and identity provider pages pass axe", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoViolations(page, "sign-in");
  await page.getByRole("button", { name: "Sign in with Demo identity provider" }).click();
  await expect(page.getByRole("heading", { name: "Choose who to sign in as" })).toBeVisible();
  await expectNoViolations(page, "identity provider login");
});

test("dashboard pages pass axe for an admin and a member", async ({ browser }) => {
  for (const user of [ADA, MAX]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInToShell(page, user);
    await expectNoViolations(page, `home as ${user.email}`);
    await page.goto("/team");
    await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
    await expectNoViolations(page, `team as ${user.email}`);
    await context.close();
  }
});

test("the shell works from the keyboard", async ({ page }) => {
  await signInToShell(page, ADA);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  // Tab through to the Team link and follow it with Enter.
  const team = page.getByRole("link", { name: "Team & access" });
  for (let i = 0; i < 10 && !(await team.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(team).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
});

test("the shell fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signInToShell(page, ADA);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
