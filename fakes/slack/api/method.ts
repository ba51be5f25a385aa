import type { Interactions } from "../interactions";
import type { Workspace } from "../workspace";
import type { Params } from "./params";

// The shape of a Web API method's implementation. The server checks the token, limits and
// faults first; the handler returns the body of an ok answer or throws SlackApiError.

export interface ApiContext {
  ws: Workspace;
  interactions: Interactions;
  params: Params;
  /** The simulator's own origin: permalinks point at its pages. */
  baseUrl: string;
}

export interface ApiMethod {
  handler(ctx: ApiContext): Record<string, unknown>;
  /** Arguments that carry JSON (decoded for the call log). */
  jsonArgs?: readonly string[];
}
