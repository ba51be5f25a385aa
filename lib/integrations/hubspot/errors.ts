/** What went wrong talking to HubSpot, precisely enough for a caller to decide what to do. */
export type HubSpotErrorCode =
  | "NOT_FOUND"
  | "RATE_LIMITED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "BAD_REQUEST"
  | "CONFLICT"
  | "SERVER_ERROR"
  | "NETWORK"
  | "TIMEOUT"
  | "INVALID_RESPONSE";

const RETRYABLE = new Set<HubSpotErrorCode>(["RATE_LIMITED", "SERVER_ERROR", "NETWORK", "TIMEOUT"]);

export class HubSpotError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: HubSpotErrorCode,
    message: string,
    readonly details: {
      operation: string;
      status?: number;
      /** From Retry-After, when HubSpot sent one. */
      retryAfterMs?: number;
      /** TEN_SECONDLY_ROLLING, SECONDLY, DAILY… for 429s. */
      policyName?: string;
      correlationId?: string;
      cause?: unknown;
    },
  ) {
    super(`HubSpot ${details.operation}: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "HubSpotError";
    this.retryable = RETRYABLE.has(code);
  }
}

export function codeForStatus(status: number): HubSpotErrorCode {
  if (status === 404) return "NOT_FOUND";
  if (status === 429) return "RATE_LIMITED";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 409) return "CONFLICT";
  if (status >= 500) return "SERVER_ERROR";
  return "BAD_REQUEST";
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
