// The Slack app's configuration as Slack holds it: where events, interactions and slash commands
// go, the signing secret, and how long Slack waits for the app. Tests change it at run time.

export interface AppSettings {
  /** Signs every request to the app (events, slash commands, interactions). */
  signingSecret: string;
  /** The deprecated verification token Slack still puts in payloads as `token`. */
  verificationToken: string;
  /** The Events API Request URL ("" = none: events are dropped and counted). */
  eventsUrl: string;
  eventsEnabled: boolean;
  /** Interactivity Request URL: shortcuts and view submissions. */
  interactivityUrl: string;
  /** Slash commands' Request URL; "" means the interactivity URL. */
  commandsUrl: string;
  /** How long Slack waits for the app's answer before it counts as failed (Slack: 3 s). */
  timeoutMs: number;
  /**
   * Waits before retries 1, 2 and 3 of a failed event. Slack waits about 0 s, 1 min and 5 min;
   * compressed here so tests stay fast. Fewer entries mean fewer retries.
   */
  retryDelaysMs: number[];
  /** How long a trigger_id can open a modal (Slack: 3 s). */
  triggerTtlMs: number;
}

export const DEFAULT_SIGNING_SECRET = "demo-slack-signing-secret";

export function defaultSettings(change: Partial<AppSettings> = {}): AppSettings {
  return checkSettings({
    signingSecret: DEFAULT_SIGNING_SECRET,
    verificationToken: "demoVerificationToken0001",
    eventsUrl: "",
    eventsEnabled: true,
    interactivityUrl: "",
    commandsUrl: "",
    timeoutMs: 3000,
    retryDelaysMs: [250, 1000, 3000],
    triggerTtlMs: 3000,
    ...change,
  });
}

export function checkSettings(s: AppSettings): AppSettings {
  for (const key of ["eventsUrl", "interactivityUrl", "commandsUrl"] as const) {
    if (s[key] !== "" && !/^https?:\/\//.test(s[key])) throw new Error(`${key} must be an http(s) URL or empty, got "${s[key]}"`);
  }
  if (!Array.isArray(s.retryDelaysMs) || s.retryDelaysMs.length > 3 || !s.retryDelaysMs.every((d) => Number.isFinite(d) && d >= 0)) {
    throw new Error("retryDelaysMs must be up to 3 non-negative numbers (Slack retries 3 times)");
  }
  for (const key of ["timeoutMs", "triggerTtlMs"] as const) {
    if (!Number.isFinite(s[key]) || s[key] <= 0) throw new Error(`${key} must be a positive number`);
  }
  if (typeof s.signingSecret !== "string" || s.signingSecret === "") throw new Error("signingSecret must be a non-empty string");
  return s;
}

/** The settings as the control API shows them: the secret stays secret. */
export function publicSettings(s: AppSettings): Omit<AppSettings, "signingSecret"> & { hasSigningSecret: boolean } {
  const { signingSecret, ...rest } = s;
  return { ...rest, hasSigningSecret: signingSecret !== "" };
}
