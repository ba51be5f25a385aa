import { escapeHtml } from "../shared/http";
import type { ChannelRecord } from "./directory";
import { compareTs, tsToMs } from "./ids";
import { messageBodyHtml } from "./render";
import { stats, type Simulator } from "./simulator";
import type { EphemeralMessage, StoredMessage, Workspace } from "./workspace";

// The simulator's pages: a channel with its messages (newest first, so a refreshed page shows the
// latest at the top) and their threads (oldest first, as Slack shows them). The demo opens
// #support-tickets here; permalinks from chat.getPermalink land here too.

const SHOWN_ROOTS = 200;
const SHOWN_EPHEMERAL = 20;

const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "medium" });

export function channelPage(sim: Simulator, channel: ChannelRecord, refresh: boolean): string {
  const ws = sim.ws();
  const roots = ws.channelView(channel.id).sort((a, b) => compareTs(b.ts, a.ts)).slice(0, SHOWN_ROOTS);
  const orphans = ws.orphanReplies(channel.id);
  const ephemeral = ws.ephemeral.filter((e) => e.channel === channel.id).slice(-SHOWN_EPHEMERAL).reverse();
  const s = stats(sim);
  const nav = ws.channels
    .map((c) => `<li><a href="/archives/${c.id}"${c.id === channel.id ? ' aria-current="page"' : ""}>#${escapeHtml(c.name)}</a></li>`)
    .join("\n");
  const messages = roots.length
    ? `<ol class="messages" aria-label="Messages, newest first">\n${roots.map((m) => messageItem(ws, m, true)).join("\n")}\n</ol>`
    : "<p>No messages yet.</p>";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">\n' : ""}<title>#${escapeHtml(channel.name)} · Slack simulator</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to messages</a>
<header>
<p><strong>Slack simulator</strong>, workspace ${escapeHtml(ws.team.name)}. Not Slack: nothing here reaches a real workspace.</p>
</header>
<div class="layout">
<nav aria-label="Channels">
<h2>Channels</h2>
<ul>
${nav}
</ul>
</nav>
<main id="main">
<h1>#${escapeHtml(channel.name)}</h1>
${channel.purpose ? `<p class="purpose">${escapeHtml(channel.purpose)}</p>` : ""}
<p class="refresh">${refresh ? `This page refreshes every 5 seconds. <a href="?refresh=off">Stop refreshing</a>` : `Not refreshing. <a href="?">Refresh every 5 seconds</a>`}</p>
${messages}
${orphans.length ? `<section aria-labelledby="orphans"><h2 id="orphans">Replies to messages that do not exist</h2><ol class="replies">${orphans.map((m) => messageItem(ws, m, false)).join("\n")}</ol></section>` : ""}
${ephemeral.length ? `<section aria-labelledby="ephemeral"><h2 id="ephemeral">Only visible to one person</h2><ol class="replies">${ephemeral.map((e) => ephemeralItem(ws, e)).join("\n")}</ol></section>` : ""}
</main>
</div>
<footer>
<p>${s.workspace.messages} messages · ${s.workspace.postedByApp} posted by the app · ${s.requests.api} API calls · ${s.rateLimited} answered 429 · events delivered ${s.events.delivered}, failed ${s.events.failed}, dropped ${s.events.dropped}. Control API: <code>/_control/stats</code>, <code>/_control/channels/${escapeHtml(channel.id)}/messages</code> (see <code>fakes/slack/README.md</code>).</p>
</footer>
</body>
</html>
`;
}

function messageItem(ws: Workspace, m: StoredMessage, withThread: boolean): string {
  const anchor = `p${m.ts.replace(".", "")}`;
  const replies = withThread && m.subtype !== "thread_broadcast" ? ws.replies(m.channel, m.ts) : [];
  const thread = replies.length
    ? `<section class="thread" aria-label="Thread, ${replies.length} ${replies.length === 1 ? "reply" : "replies"}"><ol class="replies">${replies.map((r) => messageItem(ws, r, false)).join("\n")}</ol></section>`
    : "";
  const body =
    m.subtype === "tombstone" ? `<p class="context"><em>${escapeHtml(m.text)}</em></p>` : messageBodyHtml(ws, m.text, m.blocks, m.attachments);
  const broadcast = m.subtype === "thread_broadcast" ? ' <span class="context">replied to a thread, also sent to the channel</span>' : "";
  return `<li class="message" id="${anchor}">
<p class="meta">${author(ws, m)}${broadcast} ${time(m.ts)}${m.edited ? ' <span class="context">(edited)</span>' : ""} <a class="permalink" href="#${anchor}" aria-label="Link to this message">#</a></p>
<div class="body">${body}</div>
${thread}</li>`;
}

function ephemeralItem(ws: Workspace, e: EphemeralMessage): string {
  return `<li class="message">
<p class="meta"><strong>${escapeHtml(ws.app.name)}</strong> <span class="badge">APP</span> to ${escapeHtml(ws.user(e.user)?.realName ?? e.user)} ${time(e.ts)}</p>
<div class="body">${messageBodyHtml(ws, e.text, e.blocks, undefined)}</div>
</li>`;
}

function author(ws: Workspace, m: StoredMessage): string {
  if (m.botId) {
    const name = m.botId === ws.app.botId ? ws.app.name : (m.username ?? m.botId);
    return `<strong>${escapeHtml(name)}</strong> <span class="badge">APP</span>`;
  }
  const user = m.user ? ws.user(m.user) : undefined;
  return `<strong>${escapeHtml(user?.realName ?? m.user ?? "unknown")}</strong>`;
}

function time(ts: string): string {
  const at = new Date(tsToMs(ts));
  return `<time datetime="${at.toISOString()}">${escapeHtml(TIME.format(at))}</time>`;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1d1c1d; background: #fff; line-height: 1.45; }
header, footer { padding: .5rem 1.5rem; background: #3f0e40; color: #fff; }
footer { background: #f8f8f8; color: #454245; font-size: .9rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; color: #1264a3; padding: .5rem; }
.layout { display: flex; gap: 2rem; padding: 1rem 1.5rem; }
nav { min-width: 12rem; }
nav ul, ol.messages, ol.replies { list-style: none; padding: 0; margin: 0; }
nav a { display: block; padding: .2rem .4rem; color: #1264a3; }
nav a[aria-current="page"] { background: #1164a3; color: #fff; border-radius: 4px; }
main { flex: 1; max-width: 60rem; }
h1 { margin-top: 0; }
.message { border-bottom: 1px solid #e8e8e8; padding: .6rem 0; }
.replies .message { border-bottom: none; padding: .4rem 0; }
.thread { margin: .4rem 0 0 1.5rem; padding-left: 1rem; border-left: 3px solid #e8e8e8; }
.meta { margin: 0; color: #616061; }
.meta strong { color: #1d1c1d; }
.body p { margin: .2rem 0; }
.badge { font-size: .7rem; background: #e8e8e8; color: #454245; padding: 0 .3rem; border-radius: 3px; }
.context, .purpose, .refresh { color: #616061; font-size: .9rem; }
.block-header { font-weight: 700; font-size: 1.05rem; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: .2rem 1rem; }
.button { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 0 .5rem; }
.mention { background: #e8f5fa; color: #1264a3; }
a { color: #1264a3; }
a:focus-visible { outline: 2px solid #1264a3; outline-offset: 2px; }
code { background: #f6f6f6; border: 1px solid #ddd; padding: 0 .2rem; }
blockquote { border-left: 4px solid #ddd; margin: .3rem 0; padding-left: .6rem; }
`;
