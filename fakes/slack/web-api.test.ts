import type { WebAPIPlatformError } from "@slack/web-api";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSlack, type TestSlack } from "./test-support";

// The Web API as the official client sees it: shapes, form encoding, threads, errors.

let t: TestSlack;

beforeEach(async () => {
  t ??= await startTestSlack();
  t.fake.reset();
});

afterAll(() => t?.fake.stop());

async function platformError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  const err = (await call.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  )) as WebAPIPlatformError;
  expect(err.code).toBe("slack_webapi_platform_error");
  return err.data as unknown as Record<string, unknown>;
}

describe("auth", () => {
  it("tells the app who its bot is", async () => {
    const me = await t.client().auth.test();
    expect(me).toMatchObject({ ok: true, team: "FlowForge", team_id: "T05FLWFRG1", user_id: "U06SUPDESK", bot_id: "B06SUPDESK" });
  });

  it("answers not_authed without a token and invalid_auth with a wrong one, as HTTP 200", async () => {
    expect(await platformError(t.client({}, "").auth.test())).toMatchObject({ ok: false, error: "not_authed" });
    expect(await platformError(t.client({}, "xoxb-wrong").chat.postMessage({ channel: "#support-tickets", text: "x" }))).toMatchObject({ error: "invalid_auth" });
    const res = await fetch(`${t.fake.apiUrl}auth.test`, { method: "POST", headers: { Authorization: "Bearer nope" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: false, error: "invalid_auth" });
  });
});

describe("chat.postMessage", () => {
  it("posts by channel name or id and answers {ok, channel, ts, message}", async () => {
    const client = t.client();
    const byName = await client.chat.postMessage({ channel: "#support-tickets", text: "New ticket: VPN down" });
    expect(byName).toMatchObject({ ok: true, channel: "C05SUPTIX1", message: { type: "message", text: "New ticket: VPN down", user: "U06SUPDESK", bot_id: "B06SUPDESK" } });
    expect(byName.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(byName.message!.ts).toBe(byName.ts);
    const byId = await client.chat.postMessage({ channel: "C05SUPTIX1", text: "second" });
    const bare = await client.chat.postMessage({ channel: "support-tickets", text: "third" });
    expect(Number(byId.ts)).toBeGreaterThan(Number(byName.ts));
    expect(Number(bare.ts)).toBeGreaterThan(Number(byId.ts));
  });

  it("takes blocks form-encoded as a JSON string, as the official client sends them", async () => {
    const blocks = [
      { type: "header", text: { type: "plain_text", text: "Ticket 4200000042" } },
      { type: "section", block_id: "summary", text: { type: "mrkdwn", text: "*Tier:* Managed" } },
    ];
    const res = await t.client().chat.postMessage({ channel: "#support-tickets", text: "fallback", blocks, metadata: { event_type: "ticket", event_payload: { id: "42" } } });
    const [call] = await t.control.calls("chat.postMessage");
    expect(call).toMatchObject({ encoding: "form", status: 200, ok: true, channel: "C05SUPTIX1", ts: res.ts });
    expect(call!.args.blocks).toEqual(blocks);
    expect(call!.args).not.toHaveProperty("token");
    const stored = res.message!.blocks as { block_id: string }[];
    expect(stored[1]!.block_id).toBe("summary");
    expect(stored[0]!.block_id).toEqual(expect.any(String));
    expect(res.message).toMatchObject({ metadata: { event_type: "ticket", event_payload: { id: "42" } } });
  });

  it("also takes a JSON body", async () => {
    const res = await fetch(`${t.fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { Authorization: `Bearer ${t.fake.botToken}`, "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ channel: "C05SUPTIX1", text: "json", blocks: [{ type: "divider" }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, message: { text: "json", blocks: [{ type: "divider" }] } });
    expect((await t.control.calls())[0]!.encoding).toBe("json");
  });

  it("threads replies under the root, also when given a reply's ts, and counts them on the root", async () => {
    const client = t.client();
    const root = await client.chat.postMessage({ channel: "#support-tickets", text: "root" });
    const first = await client.chat.postMessage({ channel: root.channel!, text: "one", thread_ts: root.ts! });
    expect(first.message).toMatchObject({ thread_ts: root.ts, parent_user_id: "U06SUPDESK" });
    const second = await client.chat.postMessage({ channel: root.channel!, text: "two", thread_ts: first.ts! });
    expect(second.message!.thread_ts).toBe(root.ts);

    const thread = await client.conversations.replies({ channel: root.channel!, ts: root.ts! });
    expect(thread.messages!.map((m) => m.text)).toEqual(["root", "one", "two"]);
    expect(thread.messages![0]).toMatchObject({ thread_ts: root.ts, reply_count: 2, latest_reply: second.ts, reply_users: ["U06SUPDESK"] });
    expect(thread.has_more).toBe(false);

    const history = await client.conversations.history({ channel: root.channel! });
    expect(history.messages!.map((m) => m.text)).toEqual(["root"]);
  });

  it("shows a broadcast reply in the channel too, with subtype thread_broadcast", async () => {
    const client = t.client();
    const root = await client.chat.postMessage({ channel: "#support-tickets", text: "root" });
    await client.chat.postMessage({ channel: root.channel!, text: "to all", thread_ts: root.ts!, reply_broadcast: true });
    const history = await client.conversations.history({ channel: root.channel! });
    expect(history.messages!.map((m) => [m.text, m.subtype])).toEqual([["to all", "thread_broadcast"], ["root", undefined]]);
  });

  it("answers Slack's errors", async () => {
    const client = t.client();
    expect(await platformError(client.chat.postMessage({ channel: "#nowhere", text: "x" }))).toMatchObject({ error: "channel_not_found" });
    expect(await platformError(client.chat.postMessage({ channel: "#general", text: "x" }))).toMatchObject({ error: "not_in_channel" });
    expect(await platformError(client.chat.postMessage({ channel: "#support-tickets", text: "x".repeat(40_001) }))).toMatchObject({ error: "msg_too_long" });
    expect(await platformError(client.apiCall("chat.postMessage", { channel: "#support-tickets" }))).toMatchObject({ error: "no_text" });
    expect(await platformError(client.chat.postMessage({ channel: "#support-tickets", text: "x", thread_ts: "42" }))).toMatchObject({ error: "invalid_thread_ts" });
    const invalid = await platformError(client.chat.postMessage({ channel: "#support-tickets", text: "x", blocks: [{ type: "section" } as never] }));
    expect(invalid).toMatchObject({ error: "invalid_blocks", errors: [expect.stringContaining("json-pointer:/blocks/0")] });
    const unknown = await fetch(`${t.fake.apiUrl}chat.scheduleNothing`, { method: "POST", headers: { Authorization: `Bearer ${t.fake.botToken}` } });
    expect(await unknown.json()).toMatchObject({ ok: false, error: "unknown_method" });
  });

  it("keeps a reply to a thread that does not exist out of sight, as Slack does", async () => {
    const res = await t.client().chat.postMessage({ channel: "#support-tickets", text: "lost", thread_ts: "1700000000.000100" });
    expect(res.ok).toBe(true);
    const channel = await t.control.readChannel("support-tickets");
    expect(channel.messages).toEqual([]);
    expect(channel.orphanReplies.map((m) => m.text)).toEqual(["lost"]);
  });
});

describe("chat.update, chat.delete, ephemeral messages, permalinks", () => {
  it("updates the app's message and answers {ok, channel, ts, text, message}", async () => {
    const client = t.client();
    const posted = await client.chat.postMessage({ channel: "#support-tickets", text: "Status: New", blocks: [{ type: "divider" }] });
    const updated = await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: "Status: Closed" });
    expect(updated).toMatchObject({ ok: true, channel: posted.channel, ts: posted.ts, text: "Status: Closed" });
    expect(updated.message).toMatchObject({ text: "Status: Closed", edited: { user: "U06SUPDESK" }, blocks: [{ type: "divider" }] });
    const cleared = await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: "no blocks", blocks: [] });
    expect(cleared.message).not.toHaveProperty("blocks");
  });

  it("refuses to update a message that is missing or not the app's", async () => {
    const client = t.client();
    const { message } = await t.control.postMessage({ channel: "support-tickets", user: "priya@flowforge.com", text: "mine" });
    expect(await platformError(client.chat.update({ channel: "C05SUPTIX1", ts: message.ts, text: "x" }))).toMatchObject({ error: "cant_update_message" });
    expect(await platformError(client.chat.update({ channel: "C05SUPTIX1", ts: "1700000000.000001", text: "x" }))).toMatchObject({ error: "message_not_found" });
    const own = await client.chat.postMessage({ channel: "#support-tickets", text: "own" });
    expect(await platformError(client.chat.update({ channel: "C05SUPTIX1", ts: own.ts } as never))).toMatchObject({ error: "no_text" });
  });

  it("deletes, posts ephemeral messages and gives permalinks that open the simulator's page", async () => {
    const client = t.client();
    const posted = await client.chat.postMessage({ channel: "#support-tickets", text: "to delete" });
    const reply = await client.chat.postMessage({ channel: posted.channel!, text: "reply", thread_ts: posted.ts! });
    const link = await client.chat.getPermalink({ channel: posted.channel!, message_ts: reply.ts! });
    expect(link.permalink).toBe(`${t.fake.url}/archives/C05SUPTIX1/p${reply.ts!.replace(".", "")}?thread_ts=${posted.ts}&cid=C05SUPTIX1`);
    const page = await fetch(link.permalink!, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(`/archives/C05SUPTIX1#p${reply.ts!.replace(".", "")}`);

    await client.chat.delete({ channel: posted.channel!, ts: posted.ts! });
    const [root] = (await t.control.readChannel("support-tickets")).messages;
    expect(root).toMatchObject({ subtype: "tombstone", text: "This message was deleted." });
    expect(root!.replies.map((r) => r.text)).toEqual(["reply"]);

    const eph = await client.chat.postEphemeral({ channel: "#support-tickets", user: "U0FF01PRIY", text: "only you" });
    expect(eph.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(await t.control.ephemeral({ user: "U0FF01PRIY" })).toMatchObject([{ text: "only you", channel: "C05SUPTIX1" }]);
  });
});

describe("conversations and users", () => {
  it("describes and lists channels, with cursors", async () => {
    const client = t.client();
    expect((await client.conversations.info({ channel: "C05SUPTIX1", include_num_members: true })).channel).toMatchObject({
      id: "C05SUPTIX1",
      name: "support-tickets",
      is_channel: true,
      is_member: true,
      num_members: expect.any(Number),
    });
    expect(await platformError(client.conversations.info({ channel: "#support-tickets" }))).toMatchObject({ error: "channel_not_found" });
    const first = await client.conversations.list({ limit: 1 });
    expect(first.channels!.map((c) => c.name)).toEqual(["support-tickets"]);
    const next = await client.conversations.list({ limit: 1, cursor: first.response_metadata!.next_cursor! });
    expect(next.channels!.map((c) => c.name)).toEqual(["general"]);
    expect(next.response_metadata!.next_cursor).toBe("");
  });

  it("pages history newest first", async () => {
    const client = t.client();
    for (const text of ["a", "b", "c"]) await client.chat.postMessage({ channel: "#support-tickets", text });
    const page1 = await client.conversations.history({ channel: "C05SUPTIX1", limit: 2 });
    expect(page1.messages!.map((m) => m.text)).toEqual(["c", "b"]);
    expect(page1.has_more).toBe(true);
    const page2 = await client.conversations.history({ channel: "C05SUPTIX1", limit: 2, cursor: page1.response_metadata!.next_cursor! });
    expect(page2.messages!.map((m) => m.text)).toEqual(["a"]);
  });

  it("finds team members by id and by the email they have in HubSpot", async () => {
    const client = t.client();
    const byEmail = await client.users.lookupByEmail({ email: "marta@flowforge.com" });
    expect(byEmail.user).toMatchObject({ real_name: "Marta Kowalska", is_bot: false, profile: { email: "marta@flowforge.com" } });
    const byId = await client.users.info({ user: byEmail.user!.id! });
    expect(byId.user!.profile!.email).toBe("marta@flowforge.com");
    const bot = await client.users.info({ user: "U06SUPDESK" });
    expect(bot.user).toMatchObject({ is_bot: true, profile: { bot_id: "B06SUPDESK" } });
    expect(await platformError(client.users.lookupByEmail({ email: "nobody@flowforge.com" }))).toMatchObject({ error: "users_not_found" });
    expect(await platformError(client.users.info({ user: "U000000000" }))).toMatchObject({ error: "user_not_found" });
  });
});
