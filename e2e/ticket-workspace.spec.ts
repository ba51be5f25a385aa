import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { HubSpotControlClient } from "../fakes/hubspot/control-client";
import { TEAM_OWNERS } from "../fakes/hubspot/data/portal-config";
import { distDir } from "../scripts/stack/build";
import { ADA, MAX, signInToShell } from "./fixtures/auth";

// The ticket page against the HubSpot simulator, with the real worker delivering the outbox:
// notes stay internal, replies reach the customer's thread once, status and owner are written.

function simulator(): HubSpotControlClient {
  const url = process.env.E2E_HUBSPOT_URL;
  if (!url) throw new Error("E2E_HUBSPOT_URL is not set: the e2e stack did not start the HubSpot simulator");
  return new HubSpotControlClient(url);
}

// Each journey waits for the worker to deliver to the simulator several times.
test.describe.configure({ timeout: 240_000 });

const OWNER = TEAM_OWNERS[0]!;
const OTHER_OWNER = TEAM_OWNERS[1]!;

/** A customer's email ticket in "HubSpot", owned by a team member. */
async function customerTicket(subject: string, options: { richText?: string } = {}) {
  const email = `jane.${Date.now()}@acme.example`;
  const ticket = await simulator().createTicket({
    subject,
    content: "Our FlowFuse instance will not start after the last update: the editor shows a crash loop.",
    channel: "EMAIL",
    contact: { email, firstname: "Jane", lastname: "Doe" },
    properties: { hubspot_owner_id: OWNER.id },
  });
  if (options.richText) await simulator().customerMessage(ticket.id, "See below", { richText: options.richText });
  return { id: ticket.id, email };
}

/** Opens the ticket once the sync has it (webhooks bring it within seconds, reconciliation within a minute). */
async function openTicket(page: Page, id: string) {
  await expect(async () => {
    await page.goto(`/tickets/${id}`);
    await expect(page.getByTestId("ticket-header")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 90_000, intervals: [500, 1000, 2000] });
  await expect(page.getByTestId("timeline")).toBeVisible();
}

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`), label).toEqual([]);
}

test("a note stays internal, a reply reaches the customer once, status and owner are written", async ({ page }) => {
  const { id, email } = await customerTicket("Instance stuck in a crash loop");
  await signInToShell(page, ADA);
  await openTicket(page, id);
  await expect(page.getByTestId("ticket-tier")).toBeVisible();
  await expect(page.getByTestId("sla-timer")).toHaveAttribute("data-state", /^(running|paused|due_soon)$/);
  await expect(page.getByTestId("customer-card")).toContainText(email);

  // Internal note (the composer opens in this mode).
  const composer = page.getByTestId("composer");
  await expect(composer.getByRole("tab", { name: "Internal note" })).toHaveAttribute("aria-selected", "true");
  await composer.getByRole("textbox", { name: "Internal note" }).fill("Logs show the instance running out of memory on start.");
  await composer.getByRole("button", { name: "Add internal note" }).click();
  const note = page.getByTestId("timeline").locator('[data-kind="NOTE"]').filter({ hasText: "running out of memory" });
  await expect(note).toContainText("Internal note · not sent to the customer");
  await expect(note.getByTestId("write-pending")).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await simulator().notes(id)).length, { timeout: 30_000 }).toBe(1);
  const [stored] = await simulator().notes(id);
  expect(stored!.associations.tickets).toEqual([{ id, typeIds: [228] }]);
  expect(stored!.properties.hs_note_body).toContain("running out of memory");
  expect(await simulator().messages({ ticketId: id })).toHaveLength(0);

  // Reply to the customer, with a suggested article.
  await composer.getByRole("tab", { name: "Reply to customer" }).click();
  await expect(composer.getByTestId("reply-route")).toContainText(`Jane Doe <${email}> by email`);
  await composer.getByRole("textbox", { name: /^Reply to customer/ }).fill("Hi Jane, we have raised the memory limit; this explains the settings:");
  await composer.getByTestId("docs-suggestions").getByRole("button", { name: /^Insert link to/ }).first().click();
  await expect(composer.getByRole("textbox", { name: /^Reply to customer/ })).toHaveValue(/https:\/\/flowfuse\.com\//);
  await composer.getByRole("button", { name: "Send reply to Jane Doe" }).click();
  const reply = page.getByTestId("timeline").locator('[data-kind="REPLY"]').filter({ hasText: "raised the memory limit" });
  await expect(reply).toBeVisible();
  await expect(reply.getByTestId("write-pending")).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await simulator().messages({ ticketId: id })).length, { timeout: 30_000 }).toBe(1);
  const [message] = await simulator().messages({ ticketId: id });
  expect(message).toMatchObject({ direction: "OUTGOING", type: "MESSAGE", channelId: "1002" });
  expect(message!.recipients[0]!.deliveryIdentifier.value).toBe(email);
  expect(await simulator().notes(id)).toHaveLength(1);
  // HubSpot has the reply: it is the first response.
  await expect(page.getByTestId("sla-timer")).toContainText(/Met/, { timeout: 30_000 });

  // Status and owner.
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Waiting on us" });
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: `${OTHER_OWNER.firstName} ${OTHER_OWNER.lastName}` });
  await page.getByRole("button", { name: "Save to HubSpot" }).click();
  await expect
    .poll(async () => (await simulator().getTicket(id)).properties, { timeout: 30_000 })
    .toMatchObject({ hs_pipeline_stage: "3", hubspot_owner_id: OTHER_OWNER.id });
  const updates = await simulator().ticketUpdates(id);
  expect(updates.filter((update) => update.changed?.includes("hs_pipeline_stage"))).toHaveLength(1);
  expect(updates.filter((update) => update.changed?.includes("hubspot_owner_id"))).toHaveLength(1);
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("3", { timeout: 30_000 });
  await expect(page.getByTestId("timeline").locator('[data-kind="CHANGE"]')).toContainText("status → Waiting on us");
});

test("a failed write shows why and is retried once it can go through", async ({ page }) => {
  const { id } = await customerTicket("Refused note");
  await signInToShell(page, MAX);
  await openTicket(page, id);
  await simulator().setFaults({ status: { code: 403, seconds: 60, pathPrefix: "/crm/v3/objects/notes" } });
  try {
    await page.getByTestId("composer").getByRole("textbox", { name: "Internal note" }).fill("This one is refused first.");
    await page.getByRole("button", { name: "Add internal note" }).click();
    const failed = page.getByTestId("write-failed");
    await expect(failed).toContainText("Not delivered to HubSpot", { timeout: 30_000 });
    await expect(failed).toContainText("permission");
  } finally {
    await simulator().clearFaults();
  }
  await page.getByRole("button", { name: "Retry this note" }).click();
  await expect(page.getByTestId("write-failed")).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await simulator().notes(id)).length, { timeout: 30_000 }).toBe(1);
});

test("a reply without a documentation link asks first, and a missing article becomes a docs gap", async ({ page }) => {
  const { id } = await customerTicket("Question nobody documented");
  await signInToShell(page, MAX);
  await openTicket(page, id);
  const composer = page.getByTestId("composer");
  await composer.getByRole("tab", { name: "Reply to customer" }).click();
  await composer.getByRole("textbox", { name: /^Reply to customer/ }).fill("Thanks Jane, we are looking into it.");
  await composer.getByRole("button", { name: "Send reply to Jane Doe" }).click();

  const dialog = page.getByRole("dialog", { name: "Send without a documentation link?" });
  await expect(dialog).toBeVisible();
  await expectNoViolations(page, "confirmation dialog");
  await dialog.getByRole("button", { name: "Add a link first" }).click();
  await expect(dialog).toBeHidden();
  expect(await simulator().messages({ ticketId: id })).toHaveLength(0);

  const topic = `How to size an instance for 500 flows (${Date.now()})`;
  await composer.getByRole("button", { name: "No article exists for this" }).click();
  await composer.getByLabel("What should an article explain?").fill(topic);
  await composer.getByRole("button", { name: "Record docs gap" }).click();
  await expect(composer.getByText("Docs gap recorded")).toBeVisible();

  // Sent without a link after all, once confirmed.
  await composer.getByRole("button", { name: "Send reply to Jane Doe" }).click();
  await dialog.getByRole("button", { name: "Send without a link" }).click();
  await expect.poll(async () => (await simulator().messages({ ticketId: id })).length, { timeout: 30_000 }).toBe(1);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Docs gaps" }).click();
  const gap = page.getByTestId("docs-gap").filter({ hasText: topic });
  await expect(gap).toContainText("Max Member");
  await expect(gap.getByRole("link", { name: /Question nobody documented/ })).toHaveAttribute("href", `/tickets/${id}`);
  await expectNoViolations(page, "docs gaps");
  await gap.getByRole("button", { name: /^Resolve/ }).click();
  await gap.getByLabel(/Article that covers it/).fill("https://flowfuse.com/docs/cloud/instance/");
  await gap.getByRole("button", { name: "Mark resolved" }).click();
  await expect(page.getByTestId("docs-gap").filter({ hasText: topic })).toHaveCount(0);
  await page.getByRole("link", { name: "Resolved" }).click();
  await expect(page.getByTestId("docs-gap").filter({ hasText: topic })).toContainText("Resolved by Max Member");
});

const XSS = [
  "<script>window.__xss = 1; alert(1)</script>",
  '<img src=x onerror="window.__xss = 1; alert(1)">',
  '<svg onload="window.__xss = 1; alert(1)"><circle r="5"/></svg>',
  '<a href="javascript:window.__xss = 1; alert(1)">click me</a>',
  '<a href="jav&#x09;ascript:alert(1)">tabbed scheme</a>',
  '<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<details open ontoggle="window.__xss = 1; alert(1)"><summary>x</summary></details>',
  '<input autofocus onfocus="window.__xss = 1; alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 1; alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">hover</div>',
  '"><script>alert(1)</script><p onclick="alert(1)">quoted breakout</p>',
  '<base href="javascript:alert(1)//"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<template><script>alert(1)</script></template><img src="https://tracker.example/pixel.gif" alt="pixel">',
];

test("customer HTML full of XSS renders as harmless text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const ticket = await simulator().createTicket({
    subject: '<img src=x onerror="alert(1)"> in the subject',
    content: "<script>alert(1)</script>",
    channel: "EMAIL",
    contact: { email: `xss.${Date.now()}@acme.example`, firstname: "<b>Eve</b>", lastname: "Hacker" },
  });
  for (const payload of XSS) await simulator().customerMessage(ticket.id, payload, { richText: payload });
  await signInToShell(page, ADA);
  await openTicket(page, ticket.id);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator('[data-kind="CUSTOMER"]')).toHaveCount(XSS.length + 1);
  await page.mouse.move(400, 400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText('<img src=x onerror="alert(1)"> in the subject');

  const found = await timeline.evaluate((root) => ({
    scripts: root.querySelectorAll("script, iframe, object, embed, svg, math, style, form, input, base, meta, template, img").length,
    handlers: [...root.querySelectorAll("*")].flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.startsWith("on")).map((attribute) => attribute.name)),
    badLinks: [...root.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "").filter((href) => !/^(https?:|mailto:)/.test(href) && href !== ""),
    styled: root.querySelectorAll("[style]").length,
  }));
  expect(found).toEqual({ scripts: 0, handlers: [], badLinks: [], styled: 0 });
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  // The remote image is a link the reader may open, not a request made on their behalf.
  await expect(timeline.getByRole("link", { name: "[image: pixel]" })).toHaveAttribute("href", "https://tracker.example/pixel.gif");
  expect(dialogs).toEqual([]);
});

test("the ticket page passes axe in both composer modes and fits a tablet", async ({ page }) => {
  const { id } = await customerTicket("Accessible ticket");
  await page.setViewportSize({ width: 768, height: 1024 });
  await signInToShell(page, MAX);
  await openTicket(page, id);
  await expectNoViolations(page, "ticket, note mode");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);

  // The mode tabs work from the keyboard.
  const noteTab = page.getByRole("tab", { name: "Internal note" });
  await noteTab.focus();
  await page.keyboard.press("ArrowRight");
  const replyTab = page.getByRole("tab", { name: "Reply to customer" });
  await expect(replyTab).toBeFocused();
  await expect(replyTab).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Reply to customer" })).toBeVisible();
  await expect(page.getByRole("tabpanel", { name: "Internal note" })).toBeHidden();
  await expectNoViolations(page, "ticket, reply mode");
  await page.keyboard.press("Home");
  await expect(noteTab).toBeFocused();
});

test("saved replies: admins write them, members use them with the customer's name filled in", async ({ browser }) => {
  const title = `Acknowledge ${Date.now()}`;
  const admin = await (await browser.newContext()).newPage();
  await signInToShell(admin, ADA);
  await admin.goto("/saved-replies");
  const form = admin.getByRole("form", { name: "New saved reply" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Reply").fill("Hi {{contact.firstName|there}}, thanks for reporting “{{ticket.subject}}”. {{contact.nickname}}");
  await form.getByRole("button", { name: "Add saved reply" }).click();
  await expect(form.getByText(/Unknown placeholder \{\{contact\.nickname\}\}/)).toBeVisible();
  await form.getByLabel("Reply").fill("Hi {{contact.firstName|there}}, thanks for reporting “{{ticket.subject}}”. We are on it.");
  await form.getByRole("button", { name: "Add saved reply" }).click();
  await expect(admin.getByRole("form", { name: `Saved reply ${title}` })).toBeVisible();

  const { id } = await customerTicket("Saved reply ticket");
  const member = await (await browser.newContext()).newPage();
  await signInToShell(member, MAX);
  await member.goto("/saved-replies");
  await expect(member.getByText(title)).toBeVisible();
  await expect(member.getByRole("button", { name: "Add saved reply" })).toHaveCount(0);
  await openTicket(member, id);
  await member.getByRole("tab", { name: "Reply to customer" }).click();
  await member.getByLabel("Saved reply", { exact: true }).selectOption({ label: title });
  await expect(member.getByRole("textbox", { name: /^Reply to customer/ })).toHaveValue("Hi Jane, thanks for reporting “Saved reply ticket”. We are on it.");
});

/** A server action's id, from the build's manifest, by the name it is exported under. */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir(process.cwd(), process.env), "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in the build`);
  return id;
}

async function forge(request: APIRequestContext, name: string, input: unknown): Promise<string> {
  const response = await request.post("/", {
    headers: { "Next-Action": actionId(name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  return response.text();
}

test("forged calls of the ticket actions are refused without a session and write nothing", async ({ page, playwright }) => {
  const { id } = await customerTicket("Forged calls");
  await signInToShell(page, MAX);
  await openTicket(page, id);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const topic = `forged gap ${Date.now()}`;
  const calls: Record<string, unknown> = {
    addNote: { ticketId: id, text: "forged note", idempotencyKey: randomUUID() },
    sendReply: { ticketId: id, text: "forged reply", idempotencyKey: randomUUID(), withoutDocs: true },
    changeTicket: { ticketId: id, idempotencyKey: randomUUID(), stageId: "4", ownerId: null },
    retryWrite: { writeId: randomUUID(), overwrite: true },
    recordDocsGap: { ticketId: id, topic, suggested: [] },
    resolveDocsGap: { id: randomUUID(), articleUrl: "" },
    saveSavedReply: { title: "forged", body: "forged" },
  };
  for (const [name, input] of Object.entries(calls)) {
    expect(await forge(anonymous, name, input), name).toContain("UNAUTHENTICATED");
  }
  // A member may write notes and replies, but not edit saved replies.
  expect(await forge(page.request, "saveSavedReply", { title: "forged", body: "forged" })).toContain("FORBIDDEN");
  expect(await forge(page.request, "deleteSavedReply", { id: randomUUID() })).toContain("FORBIDDEN");
  await anonymous.dispose();

  expect(await simulator().notes(id)).toHaveLength(0);
  expect(await simulator().messages({ ticketId: id })).toHaveLength(0);
  expect(await simulator().ticketUpdates(id)).toHaveLength(0);
  await page.goto("/docs-gaps");
  await expect(page.getByText(topic)).toHaveCount(0);
  await page.goto("/saved-replies");
  await expect(page.getByRole("heading", { name: "forged" })).toHaveCount(0);
});
