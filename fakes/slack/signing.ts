import { createHmac } from "node:crypto";

// Slack's request signing (v0): X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret,
// "v0:" + timestamp + ":" + raw body)), X-Slack-Request-Timestamp in seconds. Tests can ask for a
// request that must be refused.

export type Tamper = "bad_signature" | "stale_timestamp" | "unsigned";

export const TAMPERS: readonly Tamper[] = ["bad_signature", "stale_timestamp", "unsigned"];

export function slackSignature(signingSecret: string, timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export function signatureHeaders(signingSecret: string, body: string, tamper?: Tamper): Record<string, string> {
  if (tamper === "unsigned") return {};
  // Ten minutes old: past the five minutes an app should accept, yet correctly signed.
  const seconds = Math.floor(Date.now() / 1000) - (tamper === "stale_timestamp" ? 600 : 0);
  const timestamp = String(seconds);
  const secret = tamper === "bad_signature" ? `${signingSecret}-wrong` : signingSecret;
  return { "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": slackSignature(secret, timestamp, body) };
}
