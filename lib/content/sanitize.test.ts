import { describe, expect, it } from "vitest";
import { sanitizeCustomerHtml } from "./sanitize";

// A corpus of classic XSS vectors: none may survive as markup that runs.
const PAYLOADS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload="alert(1)">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p onclick="alert(1)">x</p>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus="alert(1)">',
  "<object data=\"javascript:alert(1)\"></object>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<<script>script>alert(1)<</script>/script>",
  '<a href="//evil.example/">protocol-relative</a>',
  "<template><script>alert(1)</script></template>",
  '<details open ontoggle="alert(1)">',
  '<video><source onerror="alert(1)"></video>',
];

describe("customer HTML", () => {
  it.each(PAYLOADS)("neutralises %s", (payload) => {
    const clean = sanitizeCustomerHtml(payload);
    expect(clean).not.toMatch(/<script|<svg|<iframe|<object|<form|<input|<meta|<style|<template|<video|<details/i);
    expect(clean).not.toMatch(/\son\w+\s*=/i);
    expect(clean).not.toMatch(/javascript:|data:text/i);
    expect(clean).not.toMatch(/href="\/\//);
  });

  it("keeps the formatting a reader needs", () => {
    expect(sanitizeCustomerHtml("<p>Hi <strong>team</strong>,<br>see <em>below</em></p><ul><li>one</li></ul>")).toBe(
      "<p>Hi <strong>team</strong>,<br />see <em>below</em></p><ul><li>one</li></ul>",
    );
  });

  it("opens links safely", () => {
    expect(sanitizeCustomerHtml('<a href="https://flowfuse.com/docs/">docs</a>')).toBe(
      '<a href="https://flowfuse.com/docs/" rel="noopener noreferrer nofollow ugc" target="_blank">docs</a>',
    );
  });

  it("does not load remote images", () => {
    const clean = sanitizeCustomerHtml('<img src="https://tracker.example/p.gif" alt="logo">');
    expect(clean).not.toContain("<img");
    expect(clean).toContain('href="https://tracker.example/p.gif"');
    expect(clean).toContain("[image: logo]");
  });
});
