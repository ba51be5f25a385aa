import { DOCS_SITE } from "./catalog";

const DOCS_HOSTS = new Set(["flowfuse.com", "www.flowfuse.com", "flowforge.com", "www.flowforge.com"]);

/** The documentation links in a reply (plain text or HTML): flowfuse.com or flowforge.com /docs/ or /blog/ pages. */
export function documentationLinks(reply: string): string[] {
  const found = new Set<string>();
  for (const match of reply.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) {
    try {
      const url = new URL(match[0].replace(/[.,;:!?]+$/, ""));
      if (DOCS_HOSTS.has(url.hostname) && /^\/(docs|blog|node-red)\//.test(url.pathname)) found.add(url.toString());
    } catch {
      // Not a URL after all.
    }
  }
  return [...found];
}

export function hasDocumentationLink(reply: string): boolean {
  return documentationLinks(reply).length > 0;
}

export function docsUrl(path: string): string {
  return new URL(path, DOCS_SITE).toString();
}
