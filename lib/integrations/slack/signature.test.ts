import { describe, expect, it } from "vitest";
import { signatureHeaders } from "@/fakes/slack/signing";
import { signV0, verifyV0 } from "./signature";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const NOW = 1_531_420_618_000;

describe("Slack request signatures (v0)", () => {
  it("matches Slack's documented example", () => {
    // From Slack's "Verifying requests from Slack" guide.
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    const signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    expect(signV0(SECRET, "1531420618", body)).toBe(signature);
    expect(verifyV0({ signingSecret: SECRET, rawBody: body, signature, timestamp: "1531420618", now: NOW })).toEqual({ ok: true });
  });

  it("accepts what the simulator signs and refuses what it tampers", () => {
    const body = '{"type":"event_callback"}';
    const check = (headers: Record<string, string>) =>
      verifyV0({ signingSecret: "s3cret", rawBody: body, signature: headers["X-Slack-Signature"] ?? null, timestamp: headers["X-Slack-Request-Timestamp"] ?? null, now: Date.now() });
    expect(check(signatureHeaders("s3cret", body))).toEqual({ ok: true });
    expect(check(signatureHeaders("s3cret", body, "bad_signature"))).toEqual({ ok: false, reason: "mismatch" });
    expect(check(signatureHeaders("s3cret", body, "stale_timestamp"))).toEqual({ ok: false, reason: "stale" });
    expect(check(signatureHeaders("s3cret", body, "unsigned"))).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a changed body, a future timestamp, a malformed signature and a missing secret", () => {
    const timestamp = String(NOW / 1000);
    const signature = signV0(SECRET, timestamp, "a=1");
    const base = { signingSecret: SECRET, rawBody: "a=1", signature, timestamp, now: NOW };
    expect(verifyV0({ ...base, rawBody: "a=2" })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyV0({ ...base, now: NOW - 301_000 })).toEqual({ ok: false, reason: "stale" });
    expect(verifyV0({ ...base, signature: "v0=abc" })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyV0({ ...base, timestamp: "12a" })).toEqual({ ok: false, reason: "missing" });
    expect(verifyV0({ ...base, signingSecret: undefined })).toEqual({ ok: false, reason: "missing" });
  });
});
