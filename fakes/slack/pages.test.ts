import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSlack, type TestSlack } from "./test-support";

// The simulator's channel page, which the demo shows: readable, accessible, and escaping every
// piece of message text.

let t: TestSlack;

beforeAll(async () => {
  t = await startTestSlack();
});

beforeEach(() => t.fake.reset());

afterAll(() => t.fake.stop());

async function page(path = "/"): Promise<string> {
  const res = await fetch(`${t.fake.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  return res.text();
}

describe("channel page", () => {
  it("shows #support-tickets with its messages and threads", async () => {
    const client = t.client();
    const root = await client.chat.postMessage({
      channel: "#support-tickets",
      text: "fallback",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "VPN tunnel drops" } },
        { type: "section", text: { type: "mrkdwn", text: "*Tier:* Managed · <https://desk.example/tickets/42|Open in the desk>" } },
      ],
    });
    await t.control.postReply("support-tickets", root.ts!, "marta@flowforge.com", "Looking at it now");
    const html = await page();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h1>#support-tickets</h1>");
    expect(html).toContain('<meta http-equiv="refresh" content="5">');
    expect(html).toContain('aria-current="page">#support-tickets</a>');
    expect(html).toContain("VPN tunnel drops");
    expect(html).toContain("<strong>Tier:</strong>");
    expect(html).toContain('<a href="https://desk.example/tickets/42">Open in the desk</a>');
    expect(html).toMatch(/aria-label="Thread, 1 reply"[\s\S]*Marta Kowalska[\s\S]*Looking at it now/);
    expect(html).toContain(`id="p${root.ts!.replace(".", "")}"`);
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(await page("/?refresh=off")).not.toContain('http-equiv="refresh"');
  });

  it("escapes message text, names and link labels, and links only http(s) and mailto", async () => {
    await t.control.addUser({ realName: "<b>Eve</b>", email: "eve@flowforge.com" });
    // A label's own < and > arrive escaped, as Slack requires of message text.
    const attack = `<img src=x onerror=alert(1)> "quoted" & 'single' <javascript:alert(1)|click me> <https://ok.example/?a=1&amp;b="2"|&lt;b&gt;label&lt;/b&gt;>`;
    await t.client().chat.postMessage({ channel: "#support-tickets", text: attack });
    await t.control.postMessage({ channel: "support-tickets", user: "eve@flowforge.com", text: "<script>alert(2)</script>" });
    const html = await page();
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&quot;quoted&quot; &amp; &#39;single&#39;");
    expect(html).toContain('<a href="https://ok.example/?a=1&amp;b=&quot;2&quot;">&lt;b&gt;label&lt;/b&gt;</a>');
    expect(html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("opens other channels by id and answers 404 for unknown ones", async () => {
    expect(await page("/archives/C05GENERAL")).toContain("<h1>#general</h1>");
    expect((await fetch(`${t.fake.url}/archives/C0NOPE`)).status).toBe(404);
  });
});
