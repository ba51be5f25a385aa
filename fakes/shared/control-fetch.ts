// The HTTP side of the simulators' typed control clients: JSON in, JSON out, and an error that
// carries the status and the simulator's message.

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The error a client throws: ControlError or a simulator's own subclass of it. */
export type ControlErrorClass = new (status: number, message: string) => ControlError;

export async function controlRequest<T>(baseUrl: string, method: string, path: string, body?: unknown, errorClass: ControlErrorClass = ControlError): Promise<T> {
  const res = await fetch(`${baseUrl.replace(/\/+$/, "")}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // Not JSON: keep the raw text.
    }
    throw new errorClass(res.status, `${method} ${path}: ${res.status} ${message}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** "?a=1&b=2" from the defined entries, or "" when there are none. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}
