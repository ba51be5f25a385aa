import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { HubSpotControlClient } from "../fakes/hubspot/control-client";
import { TEAM_OWNERS } from "../fakes/hubspot/data/portal-config";
import { MAX, signInToShell } from "./fixtures/auth";

test.describe.configure({ timeout: 300_000 });
const dir = "/tmp/h8-shots";
mkdirSync(dir, { recursive: true });
const sim = () => new HubSpotControlClient(process.env.E2E_HUBSPOT_URL!);

async function open(page: Page, id: string) {
  await expect(async () => {
    await page.goto(`/tickets/${id}`);
    await expect(page.getByTestId("ticket-header")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByTestId("timeline")).toBeVisible();
}

test("screens", async ({ page }) => {
  const t = await sim().createTicket({
    subject: "Node-RED editor will not load after upgrading our instance",
    content: "Since the upgrade this morning the editor shows a blank page. Instance: factory-line-3.",
    channel: "EMAIL",
    contact: { email: "jane.doe@acme.example", firstname: "Jane", lastname: "Doe" },
    properties: { hubspot_owner_id: TEAM_OWNERS[0]!.id, hs_ticket_priority: "HIGH" },
  });
  await sim().customerMessage(t.id, "Here is a screenshot", { richText: '<p>Here is what we see:</p><img src="https://cdn.acme.example/shot.png" alt="blank editor"><blockquote>Error: instance failed to start</blockquote>' });
  await signInToShell(page, MAX);
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 1100 });
    await open(page, t.id);
    await page.screenshot({ path: `${dir}/ticket-note-${width}.png`, fullPage: true });
    await page.getByRole("tab", { name: "Reply to customer" }).click();
    await page.getByRole("textbox", { name: /^Reply to customer/ }).fill("Hi Jane, thanks for the details. We are looking at the instance now.");
    await page.screenshot({ path: `${dir}/ticket-reply-${width}.png`, fullPage: true });
    await page.getByRole("button", { name: "Send reply to Jane Doe" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.screenshot({ path: `${dir}/ticket-confirm-${width}.png` });
    await page.getByRole("button", { name: "Add a link first" }).click();
  }
  await page.setViewportSize({ width: 1366, height: 1100 });
  await sim().setFaults({ status: { code: 403, seconds: 120, pathPrefix: "/crm/v3/objects/notes" } });
  await page.getByRole("tab", { name: "Internal note" }).click();
  await page.getByRole("textbox", { name: "Internal note" }).fill("Checked the instance logs: the editor bundle 404s after the upgrade.");
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(page.getByTestId("write-failed")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("write-failed").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/ticket-failed-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 1100 });
  await page.screenshot({ path: `${dir}/ticket-failed-768.png`, fullPage: true });
  await sim().clearFaults();
  await page.getByRole("tab", { name: "Reply to customer" }).click();
  await page.getByRole("button", { name: "No article exists for this" }).click();
  await page.getByRole("button", { name: "Record docs gap" }).click();
  await expect(page.getByText("Docs gap recorded")).toBeVisible();
  for (const width of [1366, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/docs-gaps");
    await expect(page.getByTestId("docs-gap").first()).toBeVisible();
    await page.screenshot({ path: `${dir}/docs-gaps-${width}.png`, fullPage: true });
  }
});
