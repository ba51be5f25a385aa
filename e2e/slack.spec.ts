import { expect, test, type Page } from "@playwright/test";
import { HubSpotControlClient } from "../fakes/hubspot/control-client";
import { SlackControlClient } from "../fakes/slack/control-client";
import { ADA, signInToShell } from "./fixtures/auth";

// #support-tickets end to end, over the real HTTP paths: the HubSpot simulator's webhooks reach
// the app, the worker posts to the Slack simulator; the Slack simulator's signed events reach the
// app, the worker writes the note to HubSpot through the outbox; the ticket page shows it.

const CHANNEL = "C05SUPTIX1";
const PRIYA = "U0FF01PRIY";

function url(name: "E2E_HUBSPOT_URL" | "E2E_SLACK_URL"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the e2e stack did not start the simulator`);
  return value;
}

/** The channel's page in the simulator, reloaded until `text` shows (the worker posts within seconds). */
async function channelShows(page: Page, text: string) {
  await expect(async () => {
    await page.goto(`${url("E2E_SLACK_URL")}/?refresh=off`);
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [500, 1000, 2000] });
}

test("a customer's chat shows in #support-tickets, and a comment in its thread becomes an internal note", async ({ page }) => {
  // Two round trips through webhooks, the queue and two simulators, on a shared machine.
  test.setTimeout(180_000);
  const hubspot = new HubSpotControlClient(url("E2E_HUBSPOT_URL"));
  const slack = new SlackControlClient(url("E2E_SLACK_URL"));
  const stamp = Date.now();
  const subject = `Dashboard will not load ${stamp}`;
  const ticket = await hubspot.createTicket({
    subject,
    content: "The instance dashboard shows a blank page since the upgrade.",
    channel: "CHAT",
    contact: { email: `lena.${stamp}@factory.example`, firstname: "Lena", lastname: "Fischer" },
  });
  await channelShows(page, subject);

  await hubspot.customerMessage(ticket.id, `Still blank after a restart (${stamp})`);
  await channelShows(page, `Still blank after a restart (${stamp})`);
  const root = (await slack.readChannel(CHANNEL)).messages.find((message) => message.text.includes(subject))!;
  expect(root.replies.map((reply) => reply.text)).toEqual([expect.stringContaining(`Still blank after a restart (${stamp})`)]);
  await expect(page.getByText(`#${ticket.id} ${subject}`).first()).toBeVisible();
  await expect(page.getByText("Lena Fischer").first()).toBeVisible();

  await slack.postReply(CHANNEL, root.ts, PRIYA, `Checked the logs: the CDN cache needs purging (${stamp})`);
  await expect.poll(async () => (await hubspot.notes(ticket.id)).map((note) => note.properties.hs_note_body), { timeout: 60_000 }).toEqual([
    expect.stringContaining(`From Slack — Priya Raman: Checked the logs: the CDN cache needs purging (${stamp})`),
  ]);
  expect(await hubspot.messages({ ticketId: ticket.id })).toEqual([]);

  await signInToShell(page, ADA);
  await expect(async () => {
    await page.goto(`/tickets/${ticket.id}`);
    const note = page.getByTestId("timeline").locator('[data-kind="NOTE"]').filter({ hasText: "the CDN cache needs purging" });
    await expect(note).toContainText("From Slack — Priya Raman", { timeout: 1000 });
    await expect(note).toContainText("Internal note · not sent to the customer");
  }).toPass({ timeout: 60_000, intervals: [500, 1000, 2000] });
  // The ticket's page links back to its thread.
  await expect(page.getByRole("link", { name: /Slack thread/ })).toHaveAttribute("href", root.permalink);

  await channelShows(page, `the CDN cache needs purging (${stamp})`);
  await page.screenshot({ path: "test-results/slack-channel.png", fullPage: true });
});
