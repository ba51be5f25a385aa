import { createHmac, timingSafeEqual } from "node:crypto";

// Slack's request signing (v0): X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret,
// "v0:" + timestamp + ":" + raw body)), with X-Slack-Request-Timestamp in seconds. Events and
// interactivity requests are signed alike. Compared in constant time; older than five minutes
// (or as far in the future) is a replay and refused.

export const MAX_SIGNATURE_AGE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

export function signV0(signingSecret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export function verifyV0(input: {
  signingSecret: string | undefined;
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  /** Milliseconds. */
  now: number;
}): SignatureCheck {
  const { signature, timestamp } = input;
  if (!input.signingSecret || !signature || !timestamp || !/^\d+$/.test(timestamp)) return { ok: false, reason: "missing" };
  if (Math.abs(input.now / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_SECONDS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signV0(input.signingSecret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
