// Slack's error answers: HTTP 200 with {ok:false, error:"<code>"}, sometimes with details in
// response_metadata.messages ("[ERROR] ..."). Handlers throw SlackApiError; the server and the
// control API turn it into the answer.

export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ? `${error}: ${detail}` : error);
  }

  body(): Record<string, unknown> {
    return {
      ok: false,
      error: this.error,
      ...this.extra,
      ...(this.detail ? { response_metadata: { messages: [`[ERROR] ${this.detail}`] } } : {}),
    };
  }
}

export const missingArgument = (name: string) => new SlackApiError("invalid_arguments", `missing required field: ${name}`);
