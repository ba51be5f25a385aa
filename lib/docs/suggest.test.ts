import { describe, expect, it } from "vitest";
import { articles } from "./catalog";
import { documentationLinks, hasDocumentationLink } from "./links";
import { docsIndex } from "./suggest";
import { terms } from "./text";

const paths = (text: string) => docsIndex.suggest(text).map((suggestion) => suggestion.article.path);

describe("docs catalogue", () => {
  it("ships every article with an absolute URL", () => {
    expect(articles.length).toBeGreaterThan(50);
    for (const article of articles) expect(article.url).toMatch(/^https:\/\/flowfuse\.com\/docs\//);
  });
});

describe("suggestions", () => {
  it("finds the article a ticket is about", () => {
    expect(paths("Snapshots fail to deploy to my device")[0]).toMatch(/snapshots|device-agent\/deploy/);
    expect(paths("Our invoice shows the wrong plan, how does billing work?")).toContain("/docs/cloud/billing");
    expect(paths("How do I set up SAML single sign-on for our team?")).toContain("/docs/admin/sso/saml");
    expect(paths("Instance stuck in starting state after upgrade")).toContain("/docs/user/instance-states");
    expect(paths("Environment variables are not available in my flows")[0]).toBe("/docs/user/envvar");
  });

  it("says why: the matched words", () => {
    const [best] = docsIndex.suggest("custom hostname for my instance");
    expect(best?.article.path).toBe("/docs/user/custom-hostnames");
    expect(best?.matched).toContain("hostname");
  });

  it("suggests nothing for text with no documentation topic", () => {
    expect(docsIndex.suggest("hello, thanks a lot for your help!")).toEqual([]);
  });

  it("ignores HTML and URLs in customer text", () => {
    expect(terms('<p>See <a href="https://example.com/snapshots">this</a></p>')).toEqual(["see"]);
  });
});

describe("documentation links in a reply", () => {
  it("finds docs links in text and HTML", () => {
    expect(documentationLinks("See https://flowfuse.com/docs/user/snapshots/.")).toEqual(["https://flowfuse.com/docs/user/snapshots/"]);
    expect(hasDocumentationLink('<a href="https://flowforge.com/docs/user/envvar">docs</a>')).toBe(true);
  });

  it("does not count other links", () => {
    expect(hasDocumentationLink("https://github.com/flowforge/flowforge/issues/1")).toBe(false);
    expect(hasDocumentationLink("https://flowfuse.com.evil.io/docs/x")).toBe(false);
    expect(hasDocumentationLink("https://flowfuse.com/pricing")).toBe(false);
    expect(hasDocumentationLink("no links at all")).toBe(false);
  });
});
