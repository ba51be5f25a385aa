import { SlackApiError } from "./errors";
import { secretToken } from "./ids";
import type { Workspace } from "./workspace";

// response_url: where the app may answer an interaction with a message, up to 5 times in 30
// minutes. in_channel posts as the app (in a thread if thread_ts is given) and sends the event;
// the default, ephemeral, is shown to the person only. A slash command's immediate answer is
// treated the same way.

export interface ResponseUrlPost {
  interactionId: number;
  /** A post to the response_url, or a slash command's immediate answer. */
  via: "response_url" | "immediate";
  at: string;
  body: unknown;
  /** What Slack made of it. */
  result: "in_channel" | "ephemeral" | "ignored" | "rejected";
  error?: string;
  /** The message it posted, for in_channel and ephemeral. */
  ts?: string;
}

/** Who and where an interaction's answers go. */
export interface ResponseTarget {
  interactionId: number;
  channel: string;
  user: string;
}

const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export class ResponseUrls {
  readonly posts: ResponseUrlPost[] = [];
  private readonly targets = new Map<string, ResponseTarget & { createdAt: number; uses: number }>();

  constructor(
    private readonly ws: () => Workspace,
    private readonly baseUrl: () => string,
  ) {}

  /** Shaped like hooks.slack.com's: /commands/<team>/<n>/<secret> or /app/<team>/<n>/<secret>. */
  issue(kind: "commands" | "app", target: ResponseTarget): string {
    const path = `/${kind}/${this.ws().team.id}/${target.interactionId}/${secretToken()}`;
    this.targets.set(path, { ...target, createdAt: Date.now(), uses: 0 });
    return `${this.baseUrl()}${path}`;
  }

  /** A POST to a response_url this simulator handed out. */
  post(path: string, raw: string, contentType: string | undefined): { status: number; body: unknown } {
    const target = this.targets.get(path);
    if (!target || Date.now() - target.createdAt > RESPONSE_URL_TTL_MS) return { status: 404, body: { ok: false, error: "expired_url" } };
    if (target.uses >= RESPONSE_URL_USES) return { status: 404, body: { ok: false, error: "used_url" } };
    let body: Record<string, unknown>;
    try {
      const text = (contentType ?? "").includes("application/x-www-form-urlencoded") ? (new URLSearchParams(raw).get("payload") ?? "") : raw;
      body = JSON.parse(text) as Record<string, unknown>;
      if (typeof body !== "object" || body === null) throw new Error("not an object");
    } catch {
      this.posts.push({ interactionId: target.interactionId, via: "response_url", at: new Date().toISOString(), body: raw, result: "rejected", error: "invalid_payload" });
      return { status: 400, body: { ok: false, error: "invalid_payload" } };
    }
    target.uses++;
    const post = this.apply(target, "response_url", body);
    return post.result === "rejected" ? { status: 400, body: { ok: false, error: post.error } } : { status: 200, body: { ok: true } };
  }

  clear(): void {
    this.posts.length = 0;
    this.targets.clear();
  }

  /** What Slack does with a message sent back for an interaction (response_url or a command's answer). */
  apply(target: ResponseTarget, via: ResponseUrlPost["via"], body: Record<string, unknown>): ResponseUrlPost {
    const base = { interactionId: target.interactionId, via, at: new Date().toISOString(), body };
    let post: ResponseUrlPost;
    try {
      post = { ...base, ...this.deliver(target, body) };
    } catch (err) {
      if (!(err instanceof SlackApiError)) throw err;
      post = { ...base, result: "rejected", error: err.error };
    }
    this.posts.push(post);
    return post;
  }

  private deliver({ channel, user }: ResponseTarget, body: Record<string, unknown>): Pick<ResponseUrlPost, "result" | "error" | "ts"> {
    const text = typeof body.text === "string" ? body.text : undefined;
    const blocks = Array.isArray(body.blocks) ? (body.blocks as unknown[]) : undefined;
    const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : undefined;
    if (body.delete_original === true || body.delete_original === "true" || body.replace_original === true || body.replace_original === "true") {
      // Only a message with interactive parts has an "original"; shortcuts and commands have none.
      return { result: "ignored" };
    }
    if (text === undefined && !blocks?.length) return { result: "rejected", error: "no_text" };
    const content = { text: text ?? "", ...(blocks ? { blocks } : {}), ...(threadTs ? { threadTs } : {}), origin: "response_url" as const };
    if (body.response_type === "in_channel") return { result: "in_channel", ts: this.ws().post({ channel, author: { kind: "app" }, ...content }).ts };
    return { result: "ephemeral", ts: this.ws().postEphemeral({ channel, user, ...content }).ts };
  }
}
