import { expect, test } from "@playwright/test";
import { ADA, MAX, signInAs, signInToShell } from "./fixtures/auth";

test("signs in through the local OIDC provider, sees the shell, signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("Demo mode.")).toBeVisible();

  await signInToShell(page, ADA);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Hello, Ada" })).toBeVisible();
  const user = page.getByTestId("current-user");
  await expect(user).toHaveText(ADA.name);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Admin", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(401);
});

test("a member sees the team read-only", async ({ page }) => {
  await signInToShell(page, MAX);
  await expect(page.getByText("Member", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expect(page.getByTestId(`member-${MAX.email}`)).toBeVisible();
  await expect(page.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
});

test("refuses a user outside the allowed domains", async ({ page }) => {
  await signInAs(page, { email: "eve@example.com", name: "Eve Outsider" });
  await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
  await expect(page.getByText("This account cannot use Support Desk.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("a look-alike domain is refused too", async ({ page }) => {
  await signInAs(page, { email: "mallory@flowforge.com.evil.io" });
  await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied/);
});

test("a removed user is refused on the next request, and a demotion applies at once", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const memberContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const member = await memberContext.newPage();
  const rita = { email: "rita@flowforge.com", name: "Rita Removed" };

  await signInToShell(member, rita);
  expect((await member.request.get("/api/me")).status()).toBe(200);

  await signInToShell(admin, ADA);
  await admin.getByRole("link", { name: "Team & access" }).click();
  const row = admin.getByTestId(`member-${rita.email}`);

  // Promote, then demote: the member's role follows on the next request, not at token expiry.
  await row.getByLabel(`Role of ${rita.email}`).selectOption("ADMIN");
  await expect(row.getByTestId("member-role")).toHaveText("Admin");
  await expect.poll(async () => (await (await member.request.get("/api/me")).json()).user.role).toBe("ADMIN");
  await row.getByLabel(`Role of ${rita.email}`).selectOption("MEMBER");
  await expect.poll(async () => (await (await member.request.get("/api/me")).json()).user.role).toBe("MEMBER");

  await row.getByRole("button", { name: `Remove ${rita.email}` }).click();
  await expect(row.getByTestId("member-role")).toHaveText("Removed");

  await member.reload();
  await expect(member).toHaveURL(/\/sign-in/);
  expect((await member.request.get("/api/me")).status()).toBe(401);

  // Signing in again does not bring a removed user back.
  await signInAs(member, rita);
  await expect(member).toHaveURL(/\/sign-in\?error=AccessDenied/);

  await row.getByRole("button", { name: `Restore ${rita.email}` }).click();
  await expect(row.getByTestId("member-role")).toHaveText("Member");
  await signInToShell(member, rita);

  await adminContext.close();
  await memberContext.close();
});

test("an admin cannot lock themselves out", async ({ page }) => {
  await signInToShell(page, ADA);
  await page.goto("/team");
  await expect(page.getByTestId(`member-${ADA.email}`).getByText("You")).toBeVisible();
});
