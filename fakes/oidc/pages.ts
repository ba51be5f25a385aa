import type { DemoUser } from "./users";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Sent with every page: no scripts, no framing, nothing cached (pages carry per-request state). */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

// Colours keep at least 4.5:1 contrast for text and 3:1 for borders and the focus ring.
const STYLE = `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111827;background:#f3f4f6}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #d1d5db;border-radius:.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}h2{font-size:1.125rem;margin:1.5rem 0 .25rem}p{margin:0 0 1rem}
.banner{padding:.75rem 1rem;background:#fef3c7;border:1px solid #92400e;border-radius:.375rem;color:#78350f}
ul{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
button{font:inherit;cursor:pointer}
.user{display:block;width:100%;padding:1rem;text-align:left;color:#111827;background:#eff6ff;border:2px solid #1d4ed8;border-radius:.5rem}
.user:hover{background:#dbeafe}.user span{display:block;color:#374151}.user .name{font-size:1.125rem;font-weight:600;color:#1e3a8a}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input{box-sizing:border-box;width:100%;padding:.5rem .75rem;font:inherit;border:1px solid #6b7280;border-radius:.375rem}
.primary{margin-top:1rem;padding:.625rem 1rem;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:.375rem}
.error{color:#b91c1c;font-weight:600}
:focus-visible{outline:3px solid #1e3a8a;outline-offset:2px}
`;

const BANNER = `<p class="banner"><strong>FlowForge demo sign-in — local identity provider, not for production.</strong>
Anyone who can open this page can sign in as anyone.</p>`;

function layout(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${BANNER}
${main}
</main>
</body>
</html>`;
}

export type LoginForm = { email?: string; name?: string; error?: string };

export function loginPage(action: string, users: readonly DemoUser[], form: LoginForm = {}): string {
  const buttons = users
    .map(
      (user) => `<li><button class="user" type="submit" name="sub" value="${escapeHtml(user.sub)}">
<span class="name">${escapeHtml(user.name)}</span>
<span>${escapeHtml(user.email)}</span>
<span>${escapeHtml(user.description)}</span>
</button></li>`,
    )
    .join("\n");
  const error = form.error ? `<p class="error" id="email-error">${escapeHtml(form.error)}</p>` : "";
  const invalid = form.error ? ` aria-invalid="true" aria-describedby="email-error"` : "";

  return layout(
    "Sign in · FlowForge demo identity provider",
    `<h1>Choose who to sign in as</h1>
<form method="post" action="${escapeHtml(action)}">
<ul>
${buttons}
</ul>
</form>
<section>
<h2>Sign in as another email</h2>
<p>Demo and tests only: creates a throwaway account for that email in this local provider.</p>
<form method="post" action="${escapeHtml(action)}">
${error}
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="off" spellcheck="false" value="${escapeHtml(form.email ?? "")}"${invalid}>
<label for="name">Name (optional)</label>
<input id="name" name="name" type="text" maxlength="100" autocomplete="off" value="${escapeHtml(form.name ?? "")}">
<button class="primary" type="submit">Sign in as this email</button>
</form>
</section>`,
  );
}

export function messagePage(heading: string, paragraphs: readonly string[]): string {
  return layout(
    `${heading} · FlowForge demo identity provider`,
    `<h1>${escapeHtml(heading)}</h1>\n${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("\n")}`,
  );
}

/** `form` is the provider's own hidden form (with its CSRF token); the buttons submit it. */
export function logoutPage(form: string): string {
  return layout(
    "Sign out · FlowForge demo identity provider",
    `<h1>Sign out of the demo identity provider?</h1>
${form}
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button class="primary" type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}
