import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSlack, type TestSlack } from "@/fakes/slack/test-support";
import { virtualClock } from "@/test/hubspot";
import { SlackClient, SlackError } from "./client";

// The client against the Slack simulator: what it retries, what it waits for, what it leaves to
// its caller because sending it again could post twice.

const CHANNEL = "C05SUPTIX1";

describe("SlackClient", () => {
  let slack: TestSlack;
  beforeEach(async () => {
    slack = await startTestSlack();
  });
  afterEach(async () => slack.fake.stop());

  const client = (options: Partial<ConstructorParameters<typeof SlackClient>[0]> = {}) => new SlackClient({ token: slack.fake.botToken, apiUrl: slack.fake.apiUrl, ...options });
  const posts = async () => (await slack.control.calls("chat.postMessage")).map((call) => call.status);

  it("waits out a rate limit for as long as Slack says and then posts once", async () => {
    await slack.control.setFaults({ rateLimit: { seconds: 2, methods: ["chat.postMessage"] } });
    const started = Date.now();
    const posted = await client().postMessage({ channel: CHANNEL, content: { text: "After the limit" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(posted.channel).toBe(CHANNEL);
    expect((await posts()).filter((status) => status === 200)).toHaveLength(1);
    expect((await posts()).filter((status) => status === 429).length).toBeGreaterThan(0);
    expect((await slack.control.readChannel(CHANNEL)).messages.map((message) => message.text)).toEqual(["After the limit"]);
  });

  it("gives up after its cap of waiting, so the job can retry later", async () => {
    await slack.control.setFaults({ rateLimit: { seconds: 60, methods: ["chat.postMessage"] } });
    const limited = client({ clock: virtualClock(), maxRateLimitWaitMs: 10_000 });
    const error = await limited.postMessage({ channel: CHANNEL, content: { text: "Not yet" } }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SlackError);
    expect(error).toMatchObject({ code: "rate_limited", transient: true });
    expect(limited.rateLimited).toBe(1);
    expect((await slack.control.readChannel(CHANNEL)).messages).toEqual([]);
  });

  it("does not send a post again when its answer is lost: the caller looks for it first", async () => {
    await slack.control.setFaults({ latencyMs: 600 });
    const error = await client({ timeoutMs: 200 }).postMessage({ channel: CHANNEL, content: { text: "Slow" } }).catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: "request_failed", transient: true });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await posts()).toHaveLength(1);
  });

  it("retries reads through Slack's transient errors, and reports the others as they are", async () => {
    await slack.control.setFaults({ methodErrors: [{ method: "users.info", error: "internal_error", count: 1 }] });
    expect(await client({ clock: virtualClock() }).userInfo("U0FF01PRIY")).toMatchObject({ id: "U0FF01PRIY", profile: { email: "priya@flowforge.com" } });
    expect(await slack.control.calls("users.info")).toHaveLength(2);

    const missing = await client().postMessage({ channel: "C0NOTHERE1", content: { text: "x" } }).catch((thrown: unknown) => thrown);
    expect(missing).toMatchObject({ code: "channel_not_found", transient: false });
    expect(await client().userByEmail("nobody@flowforge.com")).toBeNull();
  });
});
