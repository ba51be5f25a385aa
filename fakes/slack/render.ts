import { escapeHtml } from "../shared/http";
import type { Workspace } from "./workspace";

// Message content as HTML for the simulator's pages: Slack's mrkdwn (links, mentions, *bold*,
// _italic_, ~strike~, `code`) and the common Block Kit blocks. Every piece of message text is
// escaped; only http(s) and mailto links become anchors.

export function messageBodyHtml(ws: Workspace, text: string, blocks: unknown[] | undefined, attachments: unknown[] | undefined): string {
  const parts = blocks?.length ? blocks.map((b) => blockHtml(ws, b as Record<string, unknown>)) : [`<p>${mrkdwnHtml(ws, text)}</p>`];
  for (const a of attachments ?? []) {
    const att = a as { title?: unknown; text?: unknown; fallback?: unknown };
    const body = [att.title, att.text ?? att.fallback].filter((v): v is string => typeof v === "string");
    if (body.length) parts.push(`<blockquote>${body.map((t) => mrkdwnHtml(ws, t)).join("<br>")}</blockquote>`);
  }
  return parts.join("\n");
}

function blockHtml(ws: Workspace, block: Record<string, unknown>): string {
  switch (block.type) {
    case "header":
      return `<p class="block-header">${textHtml(ws, block.text)}</p>`;
    case "section": {
      const fields = Array.isArray(block.fields) ? `<div class="fields">${block.fields.map((f) => `<div>${textHtml(ws, f)}</div>`).join("")}</div>` : "";
      const text = block.text ? `<p>${textHtml(ws, block.text)}</p>` : "";
      return `${text}${fields}${elementHtml(ws, block.accessory)}`;
    }
    case "context":
      return `<p class="context">${arrayOf(block.elements).map((e) => elementHtml(ws, e)).join(" · ")}</p>`;
    case "actions":
      return `<p class="actions">${arrayOf(block.elements).map((e) => elementHtml(ws, e)).join(" ")}</p>`;
    case "divider":
      return "<hr>";
    case "image":
      return `<p class="context">[image: ${escapeHtml(String(block.alt_text ?? ""))}]</p>`;
    case "markdown":
      return `<p>${mrkdwnHtml(ws, String(block.text ?? ""))}</p>`;
    case "rich_text":
      return `<p>${escapeHtml(richText(block.elements)).replace(/\n/g, "<br>")}</p>`;
    default:
      return `<p class="context">[${escapeHtml(String(block.type))} block]</p>`;
  }
}

function elementHtml(ws: Workspace, element: unknown): string {
  if (typeof element !== "object" || element === null) return "";
  const e = element as Record<string, unknown>;
  if (e.type === "mrkdwn" || e.type === "plain_text") return textHtml(ws, e);
  if (e.type === "image") return `[image: ${escapeHtml(String(e.alt_text ?? ""))}]`;
  if (e.type === "button") {
    const label = textHtml(ws, e.text);
    return typeof e.url === "string" && isSafeUrl(e.url) ? `<a class="button" href="${escapeHtml(e.url)}">${label}</a>` : `<span class="button">${label}</span>`;
  }
  return "";
}

/** A text object: mrkdwn is formatted, plain_text only escaped. */
function textHtml(ws: Workspace, value: unknown): string {
  const t = value as { type?: unknown; text?: unknown } | undefined;
  if (!t || typeof t.text !== "string") return "";
  return t.type === "mrkdwn" ? mrkdwnHtml(ws, t.text) : escapeHtml(t.text).replace(/\n/g, "<br>");
}

export function mrkdwnHtml(ws: Workspace, text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(/<([^<>]*)>/g)) {
    html += formatted(text.slice(last, match.index));
    html += token(ws, match[1]!);
    last = match.index + match[0].length;
  }
  return html + formatted(text.slice(last));
}

/** One <...> token: a link, a mention, or (if it is neither) literal text. */
function token(ws: Workspace, inner: string): string {
  const bar = inner.indexOf("|");
  const target = decodeEntities(bar < 0 ? inner : inner.slice(0, bar));
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith("@")) return `<span class="mention">@${escapeHtml(label ?? ws.user(target.slice(1))?.realName ?? target.slice(1))}</span>`;
  if (target.startsWith("#")) return `<span class="mention">#${escapeHtml(label ?? ws.channel(target.slice(1))?.name ?? target.slice(1))}</span>`;
  if (target.startsWith("!")) return `<span class="mention">${escapeHtml(label ?? `@${target.slice(1).split("^")[0]}`)}</span>`;
  if (isSafeUrl(target)) return `<a href="${escapeHtml(target)}">${escapeHtml(label ?? target)}</a>`;
  return escapeHtml(`<${decodeEntities(inner)}>`);
}

function formatted(raw: string): string {
  return escapeHtml(decodeEntities(raw))
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,!?:;])/g, "$1<strong>$2</strong>")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?:;])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,!?:;])/g, "$1<del>$2</del>")
    .replace(/\n/g, "<br>");
}

/** Slack escapes &, < and > in message text; the page shows the characters they stand for. */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function richText(elements: unknown): string {
  return arrayOf(elements)
    .map((e) => {
      const el = e as { type?: string; text?: string; url?: string; user_id?: string; name?: string; elements?: unknown };
      if (el.type === "text") return el.text ?? "";
      if (el.type === "link") return el.text ?? el.url ?? "";
      if (el.type === "user") return `@${el.user_id ?? ""}`;
      if (el.type === "emoji") return `:${el.name ?? ""}:`;
      return richText(el.elements) + (el.type === "rich_text_section" ? "" : "\n");
    })
    .join("");
}
