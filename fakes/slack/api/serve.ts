import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { sendJson } from "../../shared/http";
import { SlackApiError } from "../errors";
import type { Simulator } from "../simulator";
import { chatMethods } from "./chat";
import { conversationMethods } from "./conversations";
import { identityMethods } from "./identity";
import type { ApiMethod } from "./method";
import { Params } from "./params";
import { viewMethods } from "./views";

// The Web API at /api/<method>: token check, faults, rate limits, then the method. Slack answers
// 200 for success and for errors ({ok:false, error}); only a rate limit (429 + Retry-After) and
// an unknown method use another status.

const METHODS: Record<string, ApiMethod> = { ...chatMethods, ...conversationMethods, ...identityMethods, ...viewMethods };

/** The scopes Slack reports for the app's bot token (X-OAuth-Scopes). */
const BOT_SCOPES = "chat:write,channels:read,channels:history,groups:read,groups:history,users:read,users:read.email,commands";

const KEPT_CALLS = 5000;

export async function serveApi(sim: Simulator, req: IncomingMessage, res: ServerResponse, name: string, raw: string, query: URLSearchParams): Promise<void> {
  sim.counters.api++;
  sim.counters.byMethod[name] = (sim.counters.byMethod[name] ?? 0) + 1;
  const headers: Record<string, string> = {};
  const method = METHODS[name];
  if (!method) return sendJson(res, 404, { ok: false, error: "unknown_method", req_method: name }, headers);

  let params: Params;
  try {
    params = Params.parse(req.headers["content-type"], raw, query);
  } catch (err) {
    return sendJson(res, 200, (err as SlackApiError).body(), headers);
  }
  const log = (status: number, body: Record<string, unknown>) => {
    sim.calls.push({
      seq: (sim.calls.at(-1)?.seq ?? 0) + 1,
      at: new Date().toISOString(),
      method: name,
      encoding: params.encoding,
      args: params.forLog(method.jsonArgs ?? []),
      status,
      ok: body.ok === true,
      ...(typeof body.error === "string" ? { error: body.error } : {}),
      ...(typeof body.channel === "string" ? { channel: body.channel } : {}),
      ...(typeof body.ts === "string" ? { ts: body.ts } : {}),
    });
    if (sim.calls.length > KEPT_CALLS) sim.calls.shift();
    sendJson(res, status, body, headers);
  };

  const latency = sim.faults.latency();
  if (latency > 0) await sleep(latency);
  const token = bearer(req.headers.authorization) ?? params.string("token");
  if (token === undefined) return log(200, { ok: false, error: "not_authed" });
  if (token !== sim.botToken) return log(200, { ok: false, error: "invalid_auth" });
  headers["X-OAuth-Scopes"] = BOT_SCOPES;

  const fault = sim.faults.intercept(name);
  const channelRef = params.string("channel");
  const limit = fault ? undefined : sim.rateLimiter.check(name, channelRef && (sim.ws().channel(channelRef, true)?.id ?? channelRef));
  const retryAfter = fault?.kind === "rate_limited" ? fault.retryAfterSeconds : limit && !limit.ok ? limit.retryAfterSeconds : undefined;
  if (retryAfter !== undefined) {
    sim.counters.rateLimited++;
    headers["Retry-After"] = String(retryAfter);
    return log(429, { ok: false, error: "ratelimited" });
  }
  if (fault?.kind === "error") return log(fault.status, { ok: false, error: fault.error });

  try {
    log(200, { ok: true, ...method.handler({ ws: sim.ws(), interactions: sim.interactions, params, baseUrl: sim.baseUrl() }) });
  } catch (err) {
    if (!(err instanceof SlackApiError)) throw err;
    log(200, err.body());
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}
