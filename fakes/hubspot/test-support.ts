import { Client } from "@hubspot/api-client";
import { HubSpotControlClient } from "./control-client";
import { startHubSpotFake, type HubSpotFake, type HubSpotFakeOptions } from "./server";

// Shared set-up for the simulator's own tests: a simulator on a free port with a fixed data set,
// the official client pointed at it, the control client, and a clock the test moves by hand.

/** A Wednesday morning in London: some tickets are due, some out-of-hours ones are waiting. */
export const TEST_ANCHOR = "2025-03-12T10:30:00.000Z";

export class ManualClock {
  constructor(public ms = Date.parse(TEST_ANCHOR)) {}

  readonly now = (): Date => new Date(this.ms);

  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestSimulator {
  fake: HubSpotFake;
  client: Client;
  control: HubSpotControlClient;
  /** A raw authenticated request to the simulator's HubSpot API. */
  api(path: string, init?: { method?: string; body?: unknown; token?: string | null }): Promise<Response>;
}

export async function startTestSimulator(options: HubSpotFakeOptions = {}): Promise<TestSimulator> {
  const fake = await startHubSpotFake({
    rateLimit: false,
    ...options,
    dataset: { tickets: 300, seed: 7, anchor: TEST_ANCHOR, ...options.dataset },
  });
  return {
    fake,
    client: new Client({ accessToken: fake.accessToken, basePath: fake.url, numberOfApiCallRetries: 0 }),
    control: new HubSpotControlClient(fake.url),
    api: (path, init = {}) => {
      const token = init.token === undefined ? fake.accessToken : init.token;
      return fetch(`${fake.url}${path}`, {
        method: init.method ?? "GET",
        headers: {
          ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
          ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    },
  };
}

/** The status and body of an error thrown by the official client. */
export function apiError(err: unknown): { code: number; body: Record<string, unknown> } {
  const e = err as { code?: number; body?: unknown };
  if (typeof e?.code !== "number") throw err;
  return { code: e.code, body: (e.body ?? {}) as Record<string, unknown> };
}
