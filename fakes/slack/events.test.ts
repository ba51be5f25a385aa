import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hasValidSignature, Receiver, startTestSlack, TEST_SECRET, type TestSlack } from "./test-support";

// The Events API as the app receives it: signed event_callback envelopes for people's messages,
// the app's own posts, other bots, edits and deletions; retries with X-Slack-Retry-Num; duplicate
// deliveries on request; url_verification.

interface Envelope {
  type: string;
  event_id: string;
  event_time: number;
  team_id: string;
  api_app_id: string;
  token: string;
  authorizations: { user_id: string; is_bot: boolean }[];
  event: Record<string, unknown> & { type: string; subtype?: string; ts: string };
}

let t: TestSlack;
let app: Receiver;

beforeAll(async () => {
  app = await new Receiver().start();
  t = await startTestSlack({ app: { eventsUrl: `${app.url}/api/webhooks/slack` } });
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

async function rootByApp(text = "New ticket"): Promise<string> {
  const res = await t.client().chat.postMessage({ channel: "#support-tickets", text });
  await t.control.flushEvents();
  app.received.length = 0;
  return res.ts!;
}

describe("message events", () => {
  it("delivers a person's thread reply, signed, in Slack's envelope", async () => {
    const rootTs = await rootByApp();
    const { message, event } = await t.control.postReply("support-tickets", rootTs, "tom@flowforge.com", "Customer is on the Pro plan");
    await t.control.flushEvents();
    expect(app.received).toHaveLength(1);
    const [request] = app.received;
    expect(request!.path).toBe("/api/webhooks/slack");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-slack-retry-num"]).toBeUndefined();
    expect(hasValidSignature(request!)).toBe(true);
    expect(hasValidSignature(request!, "another-secret")).toBe(false);
    const [body] = app.json<Envelope>();
    expect(body).toMatchObject({
      type: "event_callback",
      event_id: event!.eventId,
      team_id: "T05FLWFRG1",
      api_app_id: "A06SUPDESK",
      authorizations: [{ user_id: "U06SUPDESK", is_bot: true }],
      event: {
        type: "message",
        channel: "C05SUPTIX1",
        channel_type: "channel",
        user: "U0FF02TOM",
        text: "Customer is on the Pro plan",
        ts: message.ts,
        event_ts: message.ts,
        thread_ts: rootTs,
        parent_user_id: "U06SUPDESK",
        client_msg_id: expect.any(String),
      },
    });
    expect(body!.event_id).toMatch(/^Ev[0-9A-Z]+$/);
    expect(Math.abs(body!.event_time - Date.now() / 1000)).toBeLessThan(5);
    expect(body!.event).not.toHaveProperty("bot_id");
    expect(body!.event).not.toHaveProperty("subtype");
  });

  it("marks the app's own posts with its bot_id and user, and another app's with subtype bot_message", async () => {
    await t.client().chat.postMessage({ channel: "#support-tickets", text: "from the app" });
    await t.control.postMessage({ channel: "support-tickets", bot: "other", username: "GitHub", text: "Issue closed" });
    await t.control.flushEvents();
    const events = app.json<Envelope>().map((e) => e.event);
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.text === "from the app")).toMatchObject({ user: "U06SUPDESK", bot_id: "B06SUPDESK", app_id: "A06SUPDESK", bot_profile: { id: "B06SUPDESK" } });
    expect(events.find((e) => e.text === "from the app")).not.toHaveProperty("subtype");
    const other = events.find((e) => e.text === "Issue closed");
    expect(other).toMatchObject({ subtype: "bot_message", bot_id: "B02GITHUB1", username: "GitHub" });
    expect(other).not.toHaveProperty("user");
  });

  it("sends message_changed for an edit and message_deleted for a deletion", async () => {
    const rootTs = await rootByApp();
    const { message } = await t.control.postReply("support-tickets", rootTs, "U0FF01PRIY", "first words");
    await t.control.editMessage("support-tickets", message.ts, { text: "second thoughts" });
    await t.control.deleteMessage("support-tickets", message.ts);
    await t.control.flushEvents();
    const [, changed, deleted] = app.json<Envelope>().map((e) => e.event);
    expect(changed).toMatchObject({
      type: "message",
      subtype: "message_changed",
      hidden: true,
      channel: "C05SUPTIX1",
      message: { text: "second thoughts", user: "U0FF01PRIY", ts: message.ts, thread_ts: rootTs, edited: { user: "U0FF01PRIY" } },
      previous_message: { text: "first words", ts: message.ts },
    });
    expect(changed!.ts).not.toBe(message.ts);
    expect(deleted).toMatchObject({ type: "message", subtype: "message_deleted", hidden: true, deleted_ts: message.ts, previous_message: { text: "second thoughts" } });
  });

  it("sends the app's chat.update as message_changed carrying its bot_id", async () => {
    const ts = await rootByApp("Status: New");
    await t.client().chat.update({ channel: "C05SUPTIX1", ts, text: "Status: Closed" });
    await t.control.flushEvents();
    expect(app.json<Envelope>()[0]!.event).toMatchObject({ subtype: "message_changed", message: { bot_id: "B06SUPDESK", text: "Status: Closed" } });
  });

  it("sends nothing about channels the app is not in, and nothing while events are off", async () => {
    await t.control.postMessage({ channel: "general", user: "U0FF01PRIY", text: "lunch?" });
    await t.control.configureApp({ eventsEnabled: false });
    const { event } = await t.control.postMessage({ channel: "support-tickets", user: "U0FF01PRIY", text: "hello" });
    await t.control.flushEvents();
    expect(app.received).toHaveLength(0);
    expect(event!.state).toBe("dropped");
  });
});

describe("retries", () => {
  it("retries a 500 three times with the same event_id, X-Slack-Retry-Num and X-Slack-Retry-Reason", async () => {
    app.answer = () => ({ status: 500 });
    const { event } = await t.control.postMessage({ channel: "support-tickets", user: "U0FF01PRIY", text: "hello" });
    const state = await t.control.flushEvents();
    expect(app.received.map((r) => [r.headers["x-slack-retry-num"], r.headers["x-slack-retry-reason"]])).toEqual([
      [undefined, undefined],
      ["1", "http_error"],
      ["2", "http_error"],
      ["3", "http_error"],
    ]);
    expect(new Set(app.json<Envelope>().map((e) => e.event_id))).toEqual(new Set([event!.eventId]));
    expect(app.received.every((r) => hasValidSignature(r))).toBe(true);
    expect(state.deliveries.map((d) => [d.retryNum, d.status, d.willRetry])).toEqual([
      [0, 500, true],
      [1, 500, true],
      [2, 500, true],
      [3, 500, false],
    ]);
    expect(state.sent[0]!.state).toBe("failed");
  });

  it("stops retrying once the app answers 2xx, or when it says X-Slack-No-Retry", async () => {
    app.answer = (r) => (r.headers["x-slack-retry-num"] ? { status: 200 } : { status: 503 });
    await t.control.postMessage({ channel: "support-tickets", user: "U0FF01PRIY", text: "one" });
    await t.control.flushEvents();
    expect(app.received).toHaveLength(2);

    app.received.length = 0;
    app.answer = () => ({ status: 500, headers: { "X-Slack-No-Retry": "1" } });
    await t.control.postMessage({ channel: "support-tickets", user: "U0FF01PRIY", text: "two" });
    await t.control.flushEvents();
    expect(app.received).toHaveLength(1);
  });

  it("retries with http_timeout when the app takes longer than the deadline", async () => {
    await t.control.configureApp({ timeoutMs: 150 });
    app.answer = (r) => (r.headers["x-slack-retry-num"] ? { status: 200 } : { status: 200, delayMs: 400 });
    await t.control.postMessage({ channel: "support-tickets", user: "U0FF01PRIY", text: "slow" });
    const state = await t.control.flushEvents();
    expect(app.received.map((r) => r.headers["x-slack-retry-reason"])).toEqual([undefined, "http_timeout"]);
    expect(state.deliveries[0]).toMatchObject({ error: "timeout", willRetry: true });
  });

  it("delivers an event N times on request, even when the app answers 200", async () => {
    const rootTs = await rootByApp();
    await t.control.postReply("support-tickets", rootTs, "U0FF01PRIY", "a note", { times: 3 });
    await t.control.flushEvents();
    const ids = app.json<Envelope>().map((e) => e.event_id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(app.received.map((r) => r.headers["x-slack-retry-num"])).toEqual([undefined, "1", "2"]);

    app.received.length = 0;
    await t.control.postReply("support-tickets", rootTs, "U0FF01PRIY", "at once", { times: 3, concurrent: true });
    await t.control.flushEvents();
    expect(app.received).toHaveLength(3);
  });
});

describe("signatures and url_verification", () => {
  it("can send requests an app must refuse: bad signature, stale timestamp, unsigned", async () => {
    for (const tamper of ["bad_signature", "stale_timestamp", "unsigned"] as const) {
      await t.control.postMessage({ channel: "support-tickets", user: "U0FF01PRIY", text: tamper, delivery: { tamper } });
    }
    await t.control.flushEvents();
    expect(app.received).toHaveLength(3);
    expect(app.received.map((r) => hasValidSignature(r))).toEqual([false, false, false]);
    const stale = app.received[1]!;
    expect(Number(stale.headers["x-slack-request-timestamp"])).toBeLessThan(Date.now() / 1000 - 300);
  });

  it("checks the Request URL with a url_verification challenge", async () => {
    app.answer = (r) => ({ status: 200, body: JSON.stringify({ challenge: (JSON.parse(r.raw) as { challenge: string }).challenge }), headers: { "Content-Type": "application/json" } });
    const verified = await t.control.verifyEventsUrl();
    expect(verified.ok).toBe(true);
    const [request] = app.received;
    expect(hasValidSignature(request!, TEST_SECRET)).toBe(true);
    expect(JSON.parse(request!.raw)).toEqual({ token: expect.any(String), challenge: verified.challenge, type: "url_verification" });

    app.answer = () => ({ status: 200, body: "ok" });
    expect((await t.control.verifyEventsUrl()).ok).toBe(false);
  });

  it("wraps any event the test sends, such as an app_mention", async () => {
    const sent = await t.control.sendEvent({ type: "app_mention", user: "U0FF01PRIY", text: "<@U06SUPDESK> help", ts: "1700000000.000100", channel: "C05SUPTIX1" });
    await t.control.flushEvents();
    expect(app.json<Envelope>()[0]).toMatchObject({ event_id: sent.eventId, event: { type: "app_mention", event_ts: "1700000000.000100" } });
  });
});
