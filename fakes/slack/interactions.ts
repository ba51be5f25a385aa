import { modalView } from "./api/blocks";
import { postToApp, succeeded, type DeliveryOutcome } from "./deliver";
import { SlackApiError } from "./errors";
import { formatTs, IdSequence, secretToken, triggerId } from "./ids";
import { presentMessage } from "./present";
import { ResponseUrls } from "./response-urls";
import type { AppSettings } from "./settings";
import { signatureHeaders, type Tamper } from "./signing";
import { viewStateValues, type SubmittedValues } from "./view-state";
import type { Workspace } from "./workspace";

// Interactivity: what Slack sends the app when a person runs a slash command, uses a message
// shortcut or submits a modal (all signed like events, with a 3-second deadline and no retries),
// and the trigger ids that let the app open a modal (views.open). Each request carries a
// response_url (response-urls.ts) where relevant.

export interface SlashCommandInput {
  command: string;
  text?: string;
  /** A person's id or email. */
  user: string;
  /** A channel id or name. Slash commands carry no thread: Slack sends none, even from a thread. */
  channel: string;
  tamper?: Tamper;
}

export interface ShortcutInput {
  callbackId: string;
  /** A person's id or email. */
  user: string;
  /** A channel id or name. */
  channel: string;
  /** The message the shortcut was used on (a thread reply or a root). */
  messageTs: string;
  tamper?: Tamper;
}

export interface ViewSubmissionInput {
  /** A person's id or email; default: the person who opened the modal. */
  user?: string;
  values?: SubmittedValues;
  tamper?: Tamper;
}

export interface InteractionRecord {
  id: number;
  type: "slash_command" | "message_action" | "view_submission";
  at: string;
  url: string;
  /** What was sent: a slash command's form fields, or the interaction payload. */
  payload: Record<string, unknown>;
  status?: number;
  error?: string;
  ms: number;
  /** The app's immediate answer: parsed JSON, or the text. */
  response?: unknown;
  tamper?: Tamper;
}

export interface OpenedView {
  id: string;
  user: string;
  openedAt: string;
  state: "open" | "submitted";
  view: Record<string, unknown>;
  /** The errors the app's last response_action "errors" showed. */
  errors?: Record<string, string>;
}

interface Trigger {
  user: string;
  issuedAt: number;
  used: boolean;
}

export class Interactions {
  readonly records: InteractionRecord[] = [];
  readonly views = new Map<string, OpenedView>();
  readonly responses: ResponseUrls;
  private readonly triggers = new Map<string, Trigger>();
  private readonly viewIds = new IdSequence("V0");
  private nextId = 1;

  constructor(
    private readonly ws: () => Workspace,
    private readonly settings: () => AppSettings,
    baseUrl: () => string,
  ) {
    this.responses = new ResponseUrls(ws, baseUrl);
  }

  async slashCommand(input: SlashCommandInput): Promise<InteractionRecord> {
    const ws = this.ws();
    const user = ws.person(input.user);
    const channel = ws.requireChannel(input.channel, true);
    if (!/^\/[a-z0-9_-]+$/i.test(input.command)) throw new SlackApiError("invalid_command", "a command looks like /reply");
    const id = this.nextId++;
    const fields = {
      token: this.settings().verificationToken,
      team_id: ws.team.id,
      team_domain: ws.team.domain,
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: user.id,
      user_name: user.name,
      command: input.command,
      text: input.text ?? "",
      api_app_id: ws.app.id,
      is_enterprise_install: "false",
      response_url: this.responses.issue("commands", { interactionId: id, channel: channel.id, user: user.id }),
      trigger_id: this.trigger(user.id),
    };
    const { commandsUrl, interactivityUrl } = this.settings();
    const record = await this.send(id, "slash_command", commandsUrl || interactivityUrl, fields, new URLSearchParams(fields).toString(), input.tamper);
    // A slash command's immediate answer (JSON, or plain text) is a message, like one posted to
    // its response_url.
    const answer = typeof record.response === "string" ? { text: record.response } : record.response;
    if (record.status === 200 && typeof answer === "object" && answer !== null) {
      this.responses.apply({ interactionId: id, channel: channel.id, user: user.id }, "immediate", answer as Record<string, unknown>);
    }
    return record;
  }

  async messageShortcut(input: ShortcutInput): Promise<InteractionRecord> {
    const ws = this.ws();
    const user = ws.person(input.user);
    const channel = ws.requireChannel(input.channel, true);
    const message = ws.find(channel.id, input.messageTs);
    if (!message || message.subtype === "tombstone") throw new SlackApiError("message_not_found");
    const id = this.nextId++;
    const payload = {
      type: "message_action",
      token: this.settings().verificationToken,
      action_ts: formatTs(Date.now() * 1000),
      team: { id: ws.team.id, domain: ws.team.domain },
      user: { id: user.id, username: user.name, team_id: ws.team.id, name: user.name },
      channel: { id: channel.id, name: channel.name },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: this.trigger(user.id),
      response_url: this.responses.issue("app", { interactionId: id, channel: channel.id, user: user.id }),
      message_ts: message.ts,
      message: presentMessage(ws, message),
    };
    return this.send(id, "message_action", this.settings().interactivityUrl, payload, payloadForm(payload), input.tamper);
  }

  async submitView(viewId: string, input: ViewSubmissionInput): Promise<InteractionRecord> {
    const ws = this.ws();
    const opened = this.views.get(viewId);
    if (!opened) throw new SlackApiError("view_not_found");
    if (opened.state !== "open") throw new SlackApiError("view_not_open", `the view is ${opened.state}`);
    const user = this.ws().person(input.user ?? opened.user);
    const id = this.nextId++;
    const payload = {
      type: "view_submission",
      team: { id: ws.team.id, domain: ws.team.domain },
      user: { id: user.id, username: user.name, name: user.name, team_id: ws.team.id },
      api_app_id: ws.app.id,
      token: this.settings().verificationToken,
      trigger_id: this.trigger(user.id),
      view: { ...opened.view, state: { values: viewStateValues(opened.view.blocks, input.values) } },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const record = await this.send(id, "view_submission", this.settings().interactivityUrl, payload, payloadForm(payload), input.tamper);
    if (record.status !== undefined && record.status >= 200 && record.status < 300) this.afterSubmission(opened, record.response);
    return record;
  }

  /** views.open: redeems a trigger id (once, within its lifetime) for a modal. */
  openView(trigger: string, rawView: unknown): Record<string, unknown> {
    const found = this.triggers.get(trigger);
    if (!found) throw new SlackApiError("invalid_trigger_id");
    if (found.used) throw new SlackApiError("exchanged_trigger_id");
    if (Date.now() - found.issuedAt > this.settings().triggerTtlMs) throw new SlackApiError("expired_trigger_id");
    found.used = true;
    return this.storeView(found.user, modalView(rawView), null).view;
  }

  clear(): void {
    this.records.length = 0;
    this.views.clear();
    this.triggers.clear();
    this.responses.clear();
  }

  private async send(id: number, type: InteractionRecord["type"], url: string, payload: Record<string, unknown>, body: string, tamper?: Tamper): Promise<InteractionRecord> {
    if (url === "") throw new SlackApiError("no_request_url", `no Request URL is configured for ${type}`);
    const { signingSecret, timeoutMs } = this.settings();
    const headers = { "Content-Type": "application/x-www-form-urlencoded", ...signatureHeaders(signingSecret, body, tamper) };
    const outcome = await postToApp(url, body, headers, timeoutMs);
    const record: InteractionRecord = {
      id,
      type,
      at: new Date().toISOString(),
      url,
      payload,
      ...(outcome.status !== undefined ? { status: outcome.status } : { error: outcome.error ?? "unknown_error" }),
      ms: outcome.ms,
      ...(succeeded(outcome) && outcome.body ? { response: parseAnswer(outcome) } : {}),
      ...(tamper ? { tamper } : {}),
    };
    this.records.push(record);
    return record;
  }

  private afterSubmission(opened: OpenedView, response: unknown): void {
    const answer = (typeof response === "object" && response !== null ? response : {}) as { response_action?: string; errors?: Record<string, string>; view?: unknown };
    switch (answer.response_action) {
      case "errors":
        opened.errors = answer.errors ?? {};
        return;
      case "update":
        opened.view = { ...opened.view, ...modalView(answer.view), id: opened.id };
        delete opened.errors;
        return;
      case "push":
        this.storeView(opened.user, modalView(answer.view), opened.id);
        return;
      default:
        opened.state = "submitted";
    }
  }

  private storeView(user: string, checked: Record<string, unknown>, previousViewId: string | null): OpenedView {
    const ws = this.ws();
    const id = this.viewIds.take();
    const view = {
      id,
      team_id: ws.team.id,
      type: "modal",
      blocks: checked.blocks,
      private_metadata: checked.private_metadata ?? "",
      callback_id: checked.callback_id ?? "",
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${secretToken(4)}`,
      title: checked.title,
      clear_on_close: checked.clear_on_close ?? false,
      notify_on_close: checked.notify_on_close ?? false,
      close: checked.close ?? null,
      submit: checked.submit ?? null,
      previous_view_id: previousViewId,
      root_view_id: previousViewId ?? id,
      app_id: ws.app.id,
      external_id: checked.external_id ?? "",
      app_installed_team_id: ws.team.id,
      bot_id: ws.app.botId,
    };
    const opened: OpenedView = { id, user, openedAt: new Date().toISOString(), state: "open", view };
    this.views.set(id, opened);
    return opened;
  }

  private trigger(user: string): string {
    const id = triggerId(this.ws().team.number);
    this.triggers.set(id, { user, issuedAt: Date.now(), used: false });
    return id;
  }
}

/** Interaction payloads travel as one form field, payload=<JSON>. */
function payloadForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function parseAnswer(outcome: DeliveryOutcome): unknown {
  try {
    return JSON.parse(outcome.body!) as unknown;
  } catch {
    return outcome.body;
  }
}
