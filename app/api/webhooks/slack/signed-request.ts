import { NextResponse } from "next/server";
import { verifyV0 } from "@/lib/integrations/slack/signature";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The raw body of a request Slack signed (v0, constant time, at most five minutes old), or the
 * answer that refuses it: 413 for an oversized body, 401 for a bad, stale or missing signature.
 */
export async function readSignedSlackRequest(
  request: Request,
  deps: { signingSecret: string | undefined; now(): number },
  what: string,
): Promise<{ rawBody: string } | { refused: Response }> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return { refused: NextResponse.json({ error: "Payload too large" }, { status: 413 }) };
  }
  const rawBody = await request.text();
  const check = verifyV0({
    signingSecret: deps.signingSecret,
    rawBody,
    signature: request.headers.get("x-slack-signature"),
    timestamp: request.headers.get("x-slack-request-timestamp"),
    now: deps.now(),
  });
  if (!check.ok) {
    console.warn(`slack ${what} refused: ${check.reason} signature`);
    return { refused: NextResponse.json({ error: "Invalid signature" }, { status: 401 }) };
  }
  return { rawBody };
}
