import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signV3, signatureUri, verifyV3 } from "./signature";

const secret = "client-secret";
const uri = "https://desk.flowforge.com/api/webhooks/hubspot";
const body = '[{"eventId":1}]';
const now = 1_780_000_000_000;
const timestamp = String(now - 1000);

function check(overrides: Partial<Parameters<typeof verifyV3>[0]> = {}) {
  return verifyV3({ clientSecret: secret, method: "POST", uri, rawBody: body, signature: signV3(secret, "POST", uri, body, timestamp), timestamp, now, ...overrides });
}

describe("HubSpot signature v3", () => {
  it("is HubSpot's HMAC over method, URI, body and timestamp", () => {
    const expected = createHmac("sha256", secret).update(`POST${uri}${body}${timestamp}`).digest("base64");
    expect(signV3(secret, "POST", uri, body, timestamp)).toBe(expected);
    expect(check()).toEqual({ ok: true });
  });

  it("refuses a wrong signature, a changed body, URL or method", () => {
    expect(check({ signature: signV3("other", "POST", uri, body, timestamp) })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ rawBody: body.replace("1", "2") })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ uri: `${uri}?x=1` })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ method: "PUT" })).toEqual({ ok: false, reason: "mismatch" });
    expect(check({ signature: "short" })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses stale, future and missing timestamps, missing signatures and an unset secret", () => {
    const old = String(now - 5 * 60_000 - 1);
    expect(check({ timestamp: old, signature: signV3(secret, "POST", uri, body, old) })).toEqual({ ok: false, reason: "stale" });
    const future = String(now + 5 * 60_000 + 1);
    expect(check({ timestamp: future, signature: signV3(secret, "POST", uri, body, future) })).toEqual({ ok: false, reason: "stale" });
    expect(check({ timestamp: null })).toEqual({ ok: false, reason: "missing" });
    expect(check({ signature: null })).toEqual({ ok: false, reason: "missing" });
    expect(check({ clientSecret: "" })).toEqual({ ok: false, reason: "missing" });
  });

  it("signs the URI with HubSpot's decoded characters", () => {
    expect(signatureUri("https://x.io/hook?a=b%3Ac%2Fd%20e")).toBe("https://x.io/hook?a=b:c/d%20e");
    const encoded = `${uri}?from=a%3Ab`;
    const signature = createHmac("sha256", secret).update(`POST${uri}?from=a:b${body}${timestamp}`).digest("base64");
    expect(check({ uri: encoded, signature })).toEqual({ ok: true });
  });
});
