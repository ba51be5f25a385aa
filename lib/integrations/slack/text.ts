// Slack's message text format ("mrkdwn") both ways: escaping what the app writes, so a
// customer's "<@channel>" stays text, and reading what people write, so that a note in HubSpot
// says "@Priya Raman" and "docs (https://…)" instead of Slack's <@U…> and <url|label> tokens.

/** Slack asks for exactly these three to be escaped in text; everything else is literal. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link with a label; the label cannot contain the token's own delimiters. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

/** At most `max` characters, cut at a word where possible, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Slack message text as plain text: mentions by name, links as "label (url)", entities decoded. */
export function mrkdwnToPlain(text: string, userName: (id: string) => string | undefined): string {
  return text
    .replace(/<([^<>]*)>/g, (_match, inner: string) => {
      const bar = inner.indexOf("|");
      const target = bar < 0 ? inner : inner.slice(0, bar);
      const label = bar < 0 ? undefined : inner.slice(bar + 1);
      if (target.startsWith("@")) return `@${label ?? userName(target.slice(1)) ?? target.slice(1)}`;
      if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
      if (target.startsWith("!")) return `@${(label ?? target.slice(1)).replace(/^subteam\^\w+$/, "group")}`;
      const url = target.replace(/^mailto:/, "");
      return label && label !== url ? `${label} (${url})` : url;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The ids of the people a text mentions (<@U…>). */
export function mentionedUsers(text: string): string[] {
  return [...new Set([...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((match) => match[1]!))];
}
