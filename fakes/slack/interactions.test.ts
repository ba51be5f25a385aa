import type { WebAPIPlatformError } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SlackControlError } from "./control-client";
import { hasValidSignature, Receiver, startTestSlack, type TestSlack } from "./test-support";

// Interactivity as the app receives it: slash commands (form fields), message shortcuts and modal
// submissions (payload=<JSON>), all signed; trigger ids for views.open; response_url posts.

let t: TestSlack;
let app: Receiver;

const MODAL = {
  type: "modal",
  callback_id: "chat_reply",
  private_metadata: JSON.stringify({ ticketId: "4200000042" }),
  title: { type: "plain_text", text: "Reply to customer" },
  submit: { type: "plain_text", text: "Send" },
  blocks: [
    { type: "input", block_id: "reply", label: { type: "plain_text", text: "Message" }, element: { type: "plain_text_input", action_id: "text", multiline: true } },
    {
      type: "input",
      block_id: "confirm",
      label: { type: "plain_text", text: "Send to the customer" },
      element: { type: "static_select", action_id: "choice", options: [{ text: { type: "plain_text", text: "Yes, send it" }, value: "yes" }] },
    },
  ],
};

beforeAll(async () => {
  app = await new Receiver().start();
  t = await startTestSlack({ app: { interactivityUrl: `${app.url}/api/slack/interactions`, eventsUrl: `${app.url}/api/webhooks/slack` } });
});

beforeEach(() => {
  t.fake.reset();
  app.received.length = 0;
  app.answer = () => ({ status: 200 });
});

afterAll(async () => {
  await t.fake.stop();
  await app.stop();
});

function payloadOf(raw: string): Record<string, unknown> {
  return JSON.parse(new URLSearchParams(raw).get("payload")!) as Record<string, unknown>;
}

async function threadWithComment(): Promise<{ rootTs: string; replyTs: string }> {
  const root = await t.client().chat.postMessage({ channel: "#support-tickets", text: "Ticket 4200000042 (chat)" });
  const { message } = await t.control.postReply("support-tickets", root.ts!, "U0FF01PRIY", "Can we tell them it is fixed?");
  await t.control.flushEvents();
  app.received.length = 0;
  return { rootTs: root.ts!, replyTs: message.ts };
}

describe("slash commands", () => {
  it("posts Slack's form fields, signed, and records the app's immediate answer", async () => {
    app.answer = () => ({ status: 200, body: JSON.stringify({ response_type: "ephemeral", text: "Sending…" }), headers: { "Content-Type": "application/json" } });
    const record = await t.control.slashCommand({ command: "/reply", text: "4200000042 It is fixed now", user: "U0FF01PRIY", channel: "#support-tickets" });
    const [request] = app.received;
    expect(request!.path).toBe("/api/slack/interactions");
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(hasValidSignature(request!)).toBe(true);
    const fields = Object.fromEntries(new URLSearchParams(request!.raw));
    expect(fields).toMatchObject({
      command: "/reply",
      text: "4200000042 It is fixed now",
      user_id: "U0FF01PRIY",
      user_name: "priya",
      channel_id: "C05SUPTIX1",
      channel_name: "support-tickets",
      team_id: "T05FLWFRG1",
      team_domain: "flowforge",
      api_app_id: "A06SUPDESK",
      token: expect.any(String),
      trigger_id: expect.stringMatching(/^\d+\.\d+\.[0-9a-f]+$/),
    });
    expect(fields.response_url).toMatch(new RegExp(`^${t.fake.url}/commands/T05FLWFRG1/`));
    expect(fields).not.toHaveProperty("thread_ts");
    expect(record).toMatchObject({ type: "slash_command", status: 200, response: { text: "Sending…" } });
    expect(await t.control.ephemeral({ user: "U0FF01PRIY" })).toMatchObject([{ text: "Sending…", origin: "response_url" }]);
  });

  it("takes the app's response_url posts: in_channel into the channel (or thread), ephemeral to the person, five at most", async () => {
    const { rootTs } = await threadWithComment();
    await t.control.slashCommand({ command: "/reply", text: "x", user: "U0FF01PRIY", channel: "support-tickets" });
    const responseUrl = new URLSearchParams(app.received[0]!.raw).get("response_url")!;
    const post = (body: unknown) => fetch(responseUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

    const inThread = await post({ response_type: "in_channel", text: "Sent to the customer: It is fixed now", thread_ts: rootTs });
    expect(inThread.status).toBe(200);
    expect(await inThread.json()).toEqual({ ok: true });
    expect((await post({ text: "Only you can see this" })).status).toBe(200);
    expect((await post({})).status).toBe(400);

    const [root] = (await t.control.readChannel("support-tickets")).messages;
    expect(root!.replies.at(-1)).toMatchObject({ text: "Sent to the customer: It is fixed now", bot_id: "B06SUPDESK", origin: "response_url" });
    expect(await t.control.ephemeral({ user: "U0FF01PRIY" })).toMatchObject([{ text: "Only you can see this" }]);
    const { responsePosts } = await t.control.interactions();
    expect(responsePosts.map((p) => p.result)).toEqual(["in_channel", "ephemeral", "rejected"]);

    for (let i = 0; i < 2; i++) expect((await post({ text: `more ${i}` })).status).toBe(200);
    expect((await post({ text: "sixth" })).status).toBe(404);
  });

  it("says so when no Request URL is configured", async () => {
    await t.control.configureApp({ interactivityUrl: "" });
    const err = (await t.control.slashCommand({ command: "/reply", user: "U0FF01PRIY", channel: "support-tickets" }).catch((e: unknown) => e)) as SlackControlError;
    expect(err.status).toBe(400);
    expect(err.message).toContain("no_request_url");
  });
});

describe("message shortcuts and modals", () => {
  it("sends a message_action payload for the message it was used on, with thread details", async () => {
    const { rootTs, replyTs } = await threadWithComment();
    await t.control.messageShortcut({ callbackId: "reply_to_customer", user: "U0FF02TOM", channel: "support-tickets", messageTs: replyTs });
    const [request] = app.received;
    expect(hasValidSignature(request!)).toBe(true);
    const payload = payloadOf(request!.raw);
    expect(payload).toMatchObject({
      type: "message_action",
      callback_id: "reply_to_customer",
      trigger_id: expect.any(String),
      team: { id: "T05FLWFRG1", domain: "flowforge" },
      user: { id: "U0FF02TOM", username: "tom", team_id: "T05FLWFRG1" },
      channel: { id: "C05SUPTIX1", name: "support-tickets" },
      message_ts: replyTs,
      message: { type: "message", ts: replyTs, thread_ts: rootTs, user: "U0FF01PRIY", text: "Can we tell them it is fixed?" },
    });
    expect(payload.response_url).toMatch(new RegExp(`^${t.fake.url}/app/T05FLWFRG1/`));
  });

  it("opens a modal with the trigger id and sends its submission with state values", async () => {
    const { replyTs } = await threadWithComment();
    const shortcut = await t.control.messageShortcut({ callbackId: "reply_to_customer", user: "U0FF02TOM", channel: "support-tickets", messageTs: replyTs });
    const opened = await t.client().views.open({ trigger_id: shortcut.payload.trigger_id as string, view: MODAL as never });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), type: "modal", callback_id: "chat_reply", private_metadata: MODAL.private_metadata, app_id: "A06SUPDESK" });
    const [call] = await t.control.calls("views.open");
    expect(call!.args.view).toEqual(MODAL);

    const viewId = opened.view!.id!;
    app.answer = () => ({ status: 200, body: JSON.stringify({ response_action: "errors", errors: { reply: "Write a message" } }), headers: { "Content-Type": "application/json" } });
    await t.control.submitView(viewId, { values: { text: "" } });
    expect((await t.control.views())[0]).toMatchObject({ state: "open", errors: { reply: "Write a message" } });

    app.answer = () => ({ status: 200 });
    const submitted = await t.control.submitView(viewId, { values: { reply: { text: "It is fixed now" }, choice: "yes" } });
    const payload = payloadOf(app.received.at(-1)!.raw);
    expect(hasValidSignature(app.received.at(-1)!)).toBe(true);
    expect(payload).toMatchObject({
      type: "view_submission",
      user: { id: "U0FF02TOM" },
      view: {
        id: viewId,
        callback_id: "chat_reply",
        private_metadata: MODAL.private_metadata,
        state: {
          values: {
            reply: { text: { type: "plain_text_input", value: "It is fixed now" } },
            confirm: { choice: { type: "static_select", selected_option: { value: "yes", text: { text: "Yes, send it" } } } },
          },
        },
      },
    });
    expect(submitted.status).toBe(200);
    expect((await t.control.views())[0]!.state).toBe("submitted");
    expect(await t.control.submitView(viewId).catch((e: unknown) => (e as Error).message)).toContain("view_not_open");
  });

  it("lets a trigger id open one modal, within its lifetime", async () => {
    const client = t.client();
    const viewsOpen = (trigger_id: string) => client.views.open({ trigger_id, view: MODAL as never }).then(() => "ok", (e: WebAPIPlatformError) => e.data.error);
    const first = await t.control.slashCommand({ command: "/reply", user: "U0FF01PRIY", channel: "support-tickets" });
    const trigger = first.payload.trigger_id as string;
    expect(await viewsOpen(trigger)).toBe("ok");
    expect(await viewsOpen(trigger)).toBe("exchanged_trigger_id");
    expect(await viewsOpen("1.2.deadbeef")).toBe("invalid_trigger_id");

    await t.control.configureApp({ triggerTtlMs: 20 });
    const late = await t.control.slashCommand({ command: "/reply", user: "U0FF01PRIY", channel: "support-tickets" });
    await new Promise((r) => setTimeout(r, 50));
    expect(await viewsOpen(late.payload.trigger_id as string)).toBe("expired_trigger_id");
  });

  it("checks modals as Slack does", async () => {
    const trigger = (await t.control.slashCommand({ command: "/reply", user: "U0FF01PRIY", channel: "support-tickets" })).payload.trigger_id as string;
    const err = (await t.client().views.open({ trigger_id: trigger, view: { ...MODAL, title: { type: "plain_text", text: "A title far longer than Slack allows" } } as never }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(err.data).toMatchObject({ error: "invalid_arguments", response_metadata: { messages: [expect.stringContaining("/view/title")] } });
  });

  it("can send interactions an app must refuse", async () => {
    await t.control.slashCommand({ command: "/reply", user: "U0FF01PRIY", channel: "support-tickets", tamper: "bad_signature" });
    await t.control.slashCommand({ command: "/reply", user: "U0FF01PRIY", channel: "support-tickets", tamper: "stale_timestamp" });
    expect(app.received.map((r) => hasValidSignature(r))).toEqual([false, false]);
  });
});
