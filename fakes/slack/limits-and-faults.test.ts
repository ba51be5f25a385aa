import { ErrorCode, WebClientEvent, type WebAPIHTTPError, type WebAPIPlatformError, type WebAPIRateLimitedError } from "@slack/web-api";
import { afterEach, describe, expect, it } from "vitest";
import { startTestSlack, type TestSlack } from "./test-support";

// Slack's limits: chat.postMessage about 1 per second per channel after a short burst, per-minute
// tiers for other methods, a forced window for tests; always 429 with Retry-After in seconds.
// And the other faults: chosen errors, random errors, latency.

let t: TestSlack | undefined;

afterEach(async () => {
  await t?.fake.stop();
  t = undefined;
});

async function rawPost(channel: string, text: string): Promise<Response> {
  return fetch(`${t!.fake.apiUrl}chat.postMessage`, {
    method: "POST",
    headers: { Authorization: `Bearer ${t!.fake.botToken}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ channel, text }).toString(),
  });
}

describe("chat.postMessage per channel", () => {
  it("allows a burst, then answers 429 with Retry-After, per channel", async () => {
    t = await startTestSlack({ rateLimit: { postMessagePerSecond: 1, postMessageBurst: 2 }, channels: ["escalations"] });
    expect((await rawPost("#support-tickets", "1")).status).toBe(200);
    expect((await rawPost("#support-tickets", "2")).status).toBe(200);
    const limited = await rawPost("#support-tickets", "3");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ ok: false, error: "ratelimited" });
    expect((await rawPost("#escalations", "elsewhere")).status).toBe(200);
    expect((await t.control.readChannel("support-tickets")).messages.map((m) => m.text)).toEqual(["1", "2"]);
  });

  it("makes the official client wait Retry-After and succeed when it does not reject rate-limited calls", async () => {
    t = await startTestSlack({ rateLimit: { postMessagePerSecond: 1, postMessageBurst: 1 } });
    const client = t.client({ rejectRateLimitedCalls: false, retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 10 } });
    let rateLimitedFor: number | undefined;
    client.on(WebClientEvent.RATE_LIMITED, (seconds: number) => (rateLimitedFor = seconds));
    await client.chat.postMessage({ channel: "#support-tickets", text: "first" });
    const started = Date.now();
    const second = await client.chat.postMessage({ channel: "#support-tickets", text: "second" });
    expect(second.ok).toBe(true);
    expect(rateLimitedFor).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect((await t.control.calls("chat.postMessage")).map((c) => c.status)).toEqual([200, 429, 200]);
  });

  it("gives the official client a rate-limited error when it rejects rate-limited calls", async () => {
    t = await startTestSlack({ rateLimit: { postMessagePerSecond: 1, postMessageBurst: 1 } });
    const client = t.client({ rejectRateLimitedCalls: true });
    await client.chat.postMessage({ channel: "#support-tickets", text: "first" });
    const err = (await client.chat.postMessage({ channel: "#support-tickets", text: "second" }).catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(1);
  });
});

describe("method tiers", () => {
  it("limits a Tier 2 method to 20 calls a minute", async () => {
    t = await startTestSlack({ rateLimit: {} });
    const client = t.client({ rejectRateLimitedCalls: true });
    for (let i = 0; i < 20; i++) await client.conversations.list();
    const err = (await client.conversations.list().catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBeGreaterThan(55);
    expect(err.retryAfter).toBeLessThanOrEqual(60);
    expect((await client.users.info({ user: "U06SUPDESK" })).ok).toBe(true);
  });
});

describe("forced rate limiting", () => {
  it("answers every call 429 for the window, with the time left as Retry-After, then recovers", async () => {
    t = await startTestSlack();
    await t.control.setFaults({ rateLimit: { seconds: 1 } });
    const limited = await fetch(`${t.fake.apiUrl}auth.test`, { method: "POST", headers: { Authorization: `Bearer ${t.fake.botToken}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    const client = t.client({ rejectRateLimitedCalls: false, retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 10 } });
    expect((await client.auth.test()).ok).toBe(true);
  });

  it("can limit only some methods", async () => {
    t = await startTestSlack();
    await t.control.setFaults({ rateLimit: { seconds: 5, methods: ["chat.postMessage"] } });
    expect((await rawPost("#support-tickets", "x")).status).toBe(429);
    expect((await t.client().auth.test()).ok).toBe(true);
    await t.control.clearFaults();
    expect((await rawPost("#support-tickets", "x")).status).toBe(200);
  });

  it("loses nothing when 30 messages arrive during the window: all posted, in order per thread", async () => {
    t = await startTestSlack();
    const client = t.client({ rejectRateLimitedCalls: false, retryConfig: { retries: 5, minTimeout: 0, maxTimeout: 10 } });
    await t.control.setFaults({ rateLimit: { seconds: 2 } });
    // Ten tickets, each a root message and two replies, posted concurrently across tickets.
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const root = await client.chat.postMessage({ channel: "#support-tickets", text: `ticket ${i}` });
        for (const n of [1, 2]) await client.chat.postMessage({ channel: root.channel!, thread_ts: root.ts!, text: `ticket ${i} reply ${n}` });
      }),
    );
    const { messages } = await t.control.readChannel("support-tickets");
    expect(messages).toHaveLength(10);
    for (const root of messages) expect(root.replies.map((r) => r.text)).toEqual([`${root.text} reply 1`, `${root.text} reply 2`]);
    expect((await t.control.calls("chat.postMessage")).some((c) => c.status === 429)).toBe(true);
  });
});

describe("other faults", () => {
  it("answers the next calls of a method with a chosen error, then recovers", async () => {
    t = await startTestSlack();
    await t.control.setFaults({ methodErrors: [{ method: "chat.postMessage", error: "channel_not_found", count: 2 }] });
    const client = t.client();
    for (let i = 0; i < 2; i++) {
      const err = (await client.chat.postMessage({ channel: "#support-tickets", text: "x" }).catch((e: unknown) => e)) as WebAPIPlatformError;
      expect(err.data.error).toBe("channel_not_found");
    }
    expect((await client.chat.postMessage({ channel: "#support-tickets", text: "x" })).ok).toBe(true);
  });

  it("fails calls at the error rate, as ok:false or as an HTTP status, and adds latency", async () => {
    t = await startTestSlack();
    const client = t.client();
    await t.control.setFaults({ errorRate: 1 });
    expect(((await client.auth.test().catch((e: unknown) => e)) as WebAPIPlatformError).data.error).toBe("internal_error");
    await t.control.setFaults({ errorStatus: 503 });
    const err = (await client.auth.test().catch((e: unknown) => e)) as WebAPIHTTPError;
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(503);
    await t.control.clearFaults();
    await t.control.setFaults({ latencyMs: 300 });
    const started = Date.now();
    await client.auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });
});
