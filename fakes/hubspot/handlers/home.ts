import { stats, type Simulator } from "./control";

// The page at "/": says what this server is and shows its counters, for demos.

export function homePage(sim: Simulator): string {
  const s = stats(sim);
  const t = s.data.tickets;
  const rows: [string, string | number][] = [
    ["Tickets (generated)", t.generated],
    ["Tickets created / changed / deleted since start", `${t.created} / ${t.changed} / ${t.archived}`],
    ["Contacts / companies", `${s.data.contacts.generated + s.data.contacts.created} / ${s.data.companies.generated}`],
    ["Notes written by the app", s.data.notes],
    ["Replies sent by the app", s.data.messagesWritten],
    ["Users provisioned", s.data.usersProvisioned],
    ["API requests served", s.requests.api],
    ["429s sent by the rate limiter", s.rateLimited],
    ["Faults injected (errors / status window / dropped writes)", `${s.faults.injected.errors} / ${s.faults.injected.statusResponses} / ${s.faults.injected.droppedWrites}`],
    ["Webhook events delivered / failed / waiting", `${s.webhooks.eventsDelivered} / ${s.webhooks.eventsFailed} / ${s.webhooks.queued + s.webhooks.retrying}`],
    ["Rate-limit tier", s.rateLimit ? `${s.rateLimit.burstPer10s} per 10 s, ${s.rateLimit.searchPerSecond} searches/s` : "off"],
    ["Clock", `${s.clock.now} (offset ${s.clock.offsetMs} ms)`],
    ["Data set", `seed ${s.data.seed}, as of ${s.data.anchor}`],
  ];
  const body = rows.map(([k, v]) => `<tr><th scope="row">${escape(k)}</th><td>${escape(String(v))}</td></tr>`).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>HubSpot simulator</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2933; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: .3rem 1rem .3rem 0; border-bottom: 1px solid #e4e7eb; }
th { font-weight: 500; color: #52606d; }
code { background: #f5f7fa; padding: 0 .2rem; }
</style>
</head>
<body>
<h1>HubSpot simulator</h1>
<p>A local stand-in for HubSpot's CRM, Conversations and user-provisioning APIs, with FlowForge's
generated support tickets. The Support Desk talks to it exactly as it talks to HubSpot. This is
not HubSpot: nothing here reaches a real account.</p>
<p>Control API: <code>/_control/stats</code>, <code>/_control/tickets</code>, <code>/_control/faults</code>,
<code>/_control/webhooks</code> (see <code>fakes/hubspot/README.md</code>).</p>
<table>
${body}
</table>
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
