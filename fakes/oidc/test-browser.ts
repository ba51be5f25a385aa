/** Test helper: fetch with a cookie jar and manual redirects, enough to walk an OIDC login like a browser. */

type Cookie = { name: string; value: string; path: string };

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) && (cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/"))
  );
}

export type Page = { url: string; status: number; html: string };

export class TestBrowser {
  private readonly jar = new Map<string, Cookie>();

  constructor(private readonly origin: string) {}

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const { pathname } = new URL(url);
    const cookie = [...this.jar.values()]
      .filter((entry) => pathMatches(pathname, entry.path))
      .map((entry) => `${entry.name}=${entry.value}`)
      .join("; ");
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      headers,
      body: init.form ? new URLSearchParams(init.form) : undefined,
      redirect: "manual",
    });
    for (const header of response.headers.getSetCookie()) this.store(header);
    return response;
  }

  /**
   * Follows redirects while they stay on the provider and returns the page it lands on, or the
   * URL of the first redirect that leaves it (the app's callback, which is not running here).
   */
  async navigate(url: string, form?: Record<string, string>): Promise<Page> {
    let response = await this.request(url, { form });
    let current = url;
    for (let hops = 0; hops < 10; hops++) {
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).href;
        if (!current.startsWith(this.origin)) return { url: current, status: response.status, html: "" };
        response = await this.request(current);
        continue;
      }
      const html = await response.text();
      const submitted = autoSubmittedForm(html);
      if (!submitted) return { url: current, status: response.status, html };
      current = new URL(submitted.action, current).href;
      response = await this.request(current, { form: submitted.fields });
    }
    throw new Error(`too many redirects, last at ${current}`);
  }

  private store(header: string): void {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const attribute = (key: string) =>
      attributes.find((part) => part.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute("path") ?? "/";
    const expires = attribute("expires");
    const expired = value === "" || (expires !== undefined && Date.parse(expires) <= Date.now());
    if (expired) this.jar.delete(`${name} ${path}`);
    else this.jar.set(`${name} ${path}`, { name, value, path });
  }
}

/**
 * The provider's own pages that a browser submits by script at once (switching accounts first
 * ends the previous provider session through one of them).
 */
function autoSubmittedForm(html: string): { action: string; fields: Record<string, string> } | undefined {
  if (!html.includes("document.forms[0].submit()")) return undefined;
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) return undefined;
  const fields: Record<string, string> = {};
  for (const [, name = "", value = ""] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    fields[name] = value;
  }
  return { action, fields };
}

/** The first form's action on a page, resolved against the page's URL. */
export function formAction(page: Page): string {
  const action = /<form method="post" action="([^"]+)"/.exec(page.html)?.[1];
  if (!action) throw new Error(`no form on ${page.url} (status ${page.status})`);
  return new URL(action.replace(/&amp;/g, "&"), page.url).href;
}
