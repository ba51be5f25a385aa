import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { LogLevel, WebClient, type WebClientOptions } from "@slack/web-api";
import { close, listen, readBody } from "../shared/http";
import { SlackControlClient } from "./control-client";
import { startSlackFake, type SlackFake, type SlackFakeOptions } from "./server";

// Shared set-up for the simulator's own tests: a simulator on a free port, the official client
// pointed at it, the control client, and a stand-in for the app that records what Slack sends.

export const TEST_SECRET = "test-signing-secret";

export interface TestSlack {
  fake: SlackFake;
  control: SlackControlClient;
  /** The official client, with retries off unless the test asks for them. */
  client(options?: WebClientOptions, token?: string): WebClient;
}

export async function startTestSlack(options: SlackFakeOptions = {}): Promise<TestSlack> {
  const fake = await startSlackFake({ rateLimit: false, ...options, app: { signingSecret: TEST_SECRET, retryDelaysMs: [20, 40, 60], ...options.app } });
  return {
    fake,
    control: new SlackControlClient(fake.url),
    client: (clientOptions = {}, token = fake.botToken) =>
      new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR, ...clientOptions }),
  };
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  at: number;
}

export type Answer = { status?: number; body?: string; headers?: Record<string, string>; delayMs?: number };

/** The app's side: an HTTP server that records each request and answers as the test says. */
export class Receiver {
  readonly received: Received[] = [];
  answer: (req: Received) => Answer = () => ({ status: 200 });
  private server = createServer((req, res) => {
    void readBody(req).then(async (raw) => {
      const received = { path: req.url ?? "/", headers: req.headers, raw, at: Date.now() };
      this.received.push(received);
      const { status = 200, body = "", headers = {}, delayMs = 0 } = this.answer(received);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (!res.destroyed) res.writeHead(status, headers).end(body);
    });
  });
  url = "";

  async start(): Promise<this> {
    this.url = await listen(this.server, 0, "127.0.0.1");
    return this;
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  /** Parsed JSON bodies (events). */
  json<T = Record<string, unknown>>(): T[] {
    return this.received.map((r) => JSON.parse(r.raw) as T);
  }
}

/** Checks Slack's v0 signature the way an app must, written here independently of the simulator. */
export function hasValidSignature(r: Received, secret = TEST_SECRET): boolean {
  const timestamp = r.headers["x-slack-request-timestamp"];
  const signature = r.headers["x-slack-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${r.raw}`).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Waits until `check` holds, polling; for conditions reached by background deliveries. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
