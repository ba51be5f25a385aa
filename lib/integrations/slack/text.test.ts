import { describe, expect, it } from "vitest";
import { escapeMrkdwn, mentionedUsers, mrkdwnLink, mrkdwnToPlain, truncate } from "./text";

describe("Slack text", () => {
  it("escapes what would be markup, so customer text cannot mention or link", () => {
    expect(escapeMrkdwn("<!channel> & <https://evil.example|docs>")).toBe("&lt;!channel&gt; &amp; &lt;https://evil.example|docs&gt;");
    expect(mrkdwnLink("https://x.example/a?b=<c>", "A | B <c>")).toBe("<https://x.example/a?b=%3Cc%3E|A ¦ B &lt;c&gt;>");
  });

  it("truncates at a word with an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("the quick brown fox jumps", 16)).toBe("the quick brown…");
    expect(truncate("abcdefghijklmnop", 6)).toBe("abcde…");
  });

  it("reads people's messages as plain text", () => {
    const names = new Map([["U0FF02TOM", "Tom Hughes"]]);
    expect(
      mrkdwnToPlain("cc <@U0FF02TOM> and <@U999|sam>, see <https://flowfuse.com/docs/|the docs> or <https://a.example> in <#C05SUPTIX1|support-tickets> &lt;3 &amp; <!here> <mailto:x@y.example|x@y.example>", (id) => names.get(id)),
    ).toBe("cc @Tom Hughes and @sam, see the docs (https://flowfuse.com/docs/) or https://a.example in #support-tickets <3 & @here x@y.example");
    expect(mrkdwnToPlain("<@U123>", () => undefined)).toBe("@U123");
  });

  it("lists the people a message mentions", () => {
    expect(mentionedUsers("<@U1> <@U2|bob> <@U1> <#C1>")).toEqual(["U1", "U2"]);
  });
});
