import { createHmac, timingSafeEqual } from "node:crypto";

// HubSpot's webhook signature v3: base64(HMAC-SHA256(clientSecret, method + uri + body + timestamp)),
// with the request timestamp (ms) in X-HubSpot-Request-Timestamp. The official client compares
// with === and throws on stale timestamps; this compares in constant time and says why it refused.

export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

// HubSpot signs the URI with these characters decoded (its v3 documentation lists them).
const DECODED: Record<string, string> = {
  "%3A": ":", "%2F": "/", "%3F": "?", "%40": "@", "%21": "!", "%24": "$", "%27": "'",
  "%28": "(", "%29": ")", "%2A": "*", "%2C": ",", "%3B": ";",
};

export function signatureUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match) => DECODED[match.toUpperCase()] ?? match);
}

export function signV3(clientSecret: string, method: string, uri: string, rawBody: string, timestamp: string): string {
  return createHmac("sha256", clientSecret).update(`${method}${signatureUri(uri)}${rawBody}${timestamp}`).digest("base64");
}

export function verifyV3(input: {
  clientSecret: string;
  method: string;
  /** The full URL HubSpot posted to, as HubSpot saw it (public host, path and query). */
  uri: string;
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  now: number;
}): SignatureCheck {
  const { signature, timestamp } = input;
  if (!input.clientSecret || !signature || !timestamp || !/^\d+$/.test(timestamp)) return { ok: false, reason: "missing" };
  // Too old is a replay; too far ahead is a forged clock. Either way the request is refused.
  if (Math.abs(input.now - Number(timestamp)) > MAX_SIGNATURE_AGE_MS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signV3(input.clientSecret, input.method, input.uri, input.rawBody, timestamp), "base64");
  const given = Buffer.from(signature, "base64");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
