import { randomUUID } from "node:crypto";

// HubSpot's error bodies: {status:"error", message, correlationId, category, ...}. Handlers throw
// HubSpotError and the server turns it into the response, so every failure has the real shape.

export type ErrorCategory =
  | "VALIDATION_ERROR"
  | "OBJECT_NOT_FOUND"
  | "INVALID_AUTHENTICATION"
  | "RATE_LIMITS"
  | "CONFLICT"
  | "INTERNAL_ERROR"
  | "SERVICE_UNAVAILABLE";

export interface ErrorBody {
  status: "error";
  message: string;
  correlationId: string;
  category: string;
  [extra: string]: unknown;
}

export class HubSpotError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly category: ErrorCategory,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { status: "error", message: this.message, correlationId: randomUUID(), category: this.category, ...this.extra };
  }
}

export const notFound = (message = "resource not found") => new HubSpotError(404, "OBJECT_NOT_FOUND", message);

export const badRequest = (message: string, extra: Record<string, unknown> = {}) =>
  new HubSpotError(400, "VALIDATION_ERROR", message, extra);

/** One entry of HubSpot's property-validation report. */
export interface PropertyProblem {
  name: string;
  error: "PROPERTY_DOESNT_EXIST" | "READ_ONLY_VALUE" | "INVALID_OPTION" | "INVALID_DATE" | "INVALID_INTEGER" | "REQUIRED" | "TOO_LONG";
  message: string;
}

/** HubSpot embeds the report as JSON inside the message text; clients parse it from there. */
export function invalidProperties(problems: PropertyProblem[]): HubSpotError {
  const report = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
  }));
  return badRequest(`Property values were not valid: ${JSON.stringify(report)}`);
}

export const unauthenticated = () =>
  new HubSpotError(
    401,
    "INVALID_AUTHENTICATION",
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
  );
