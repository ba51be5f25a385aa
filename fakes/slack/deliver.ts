// One HTTP request from "Slack" to the app, with Slack's deadline: the outcome is the status and
// body, or why there was none.

export interface DeliveryOutcome {
  status?: number;
  body?: string;
  headers?: Headers;
  /** "timeout" when the app took longer than the deadline; otherwise the network error. */
  error?: string;
  ms: number;
}

export const SLACK_USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

export async function postToApp(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<DeliveryOutcome> {
  const started = Date.now();
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "User-Agent": SLACK_USER_AGENT, ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, body: text, headers: res.headers, ms: Date.now() - started };
  } catch (err) {
    const e = err as Error;
    const error = e.name === "TimeoutError" || e.name === "AbortError" ? "timeout" : (e.cause as Error | undefined)?.message ?? e.message;
    return { error, ms: Date.now() - started };
  }
}

export function succeeded(outcome: DeliveryOutcome): boolean {
  return outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
}
