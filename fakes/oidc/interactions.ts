import type { IncomingMessage, ServerResponse } from "node:http";
import { errors, type Interaction, type Provider } from "oidc-provider";
import { loginPage, messagePage, PAGE_HEADERS } from "./pages";
import type { AccountStore } from "./users";

/** `/interaction/<uid>` shows the login page; `/interaction/<uid>/login` takes its forms. */
export const INTERACTION_PATH = /^\/interaction\/([\w-]+)(\/login)?$/;

const MAX_FORM_BYTES = 16 * 1024;

class BadRequest extends Error {}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!req.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
    throw new BadRequest("Expected a submitted form.");
  }
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) throw new BadRequest("The form is too large.");
  }
  return new URLSearchParams(body);
}

/**
 * This client is first-party, so the scopes and claims it asks for are granted without a
 * consent page; the provider still records a real grant for them.
 */
async function grantConsent(provider: Provider, details: Interaction, req: IncomingMessage, res: ServerResponse) {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || typeof clientId !== "string") throw new BadRequest("There is no signed-in user to consent for.");

  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: existing ? {} : { grantId } }, { mergeWithLastSubmission: true });
}

async function submitLogin(
  provider: Provider,
  accounts: AccountStore,
  req: IncomingMessage,
  res: ServerResponse,
  action: string,
) {
  const form = await readForm(req);
  const sub = form.get("sub");
  let accountId: string;
  if (sub !== null) {
    const user = accounts.find(sub);
    if (!user) throw new BadRequest("That demo user does not exist.");
    accountId = user.sub;
  } else {
    const email = form.get("email") ?? "";
    const name = form.get("name") ?? "";
    const result = accounts.signInAs(email, name);
    if (!result.ok) return send(res, 400, loginPage(action, accounts.configured, { email, name, error: result.error }));
    accountId = result.user.sub;
  }
  // A login starts the interaction's result afresh; the consent step that follows merges onto it.
  await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
}

async function route(
  provider: Provider,
  accounts: AccountStore,
  req: IncomingMessage,
  res: ServerResponse,
  [path, uid, login]: RegExpExecArray,
) {
  const expected = login ? "POST" : "GET";
  if (req.method !== expected) {
    res.writeHead(405, { allow: expected }).end();
    return;
  }

  // Reads the interaction cookie, so a uid in the URL that is not this browser's own is refused.
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new errors.SessionNotFound("interaction mismatch");

  const action = login ? path : `${path}/login`;
  if (details.prompt.name === "login" && login) return submitLogin(provider, accounts, req, res, action);
  if (details.prompt.name === "login") {
    const hint = details.params.login_hint;
    return send(res, 200, loginPage(action, accounts.configured, { email: typeof hint === "string" ? hint : "" }));
  }
  if (details.prompt.name === "consent" && !login) return grantConsent(provider, details, req, res);
  throw new BadRequest(`This sign-in step ("${details.prompt.name}") is not supported here.`);
}

export function interactionHandler(provider: Provider, accounts: AccountStore) {
  return async (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray): Promise<void> => {
    try {
      await route(provider, accounts, req, res, match);
    } catch (error) {
      if (res.headersSent) throw error;
      if (error instanceof errors.SessionNotFound) {
        send(res, 400, messagePage("This sign-in has expired", ["Go back to the app and start signing in again."]));
      } else if (error instanceof BadRequest) {
        send(res, 400, messagePage("Sign-in could not continue", [error.message]));
      } else {
        throw error;
      }
    }
  };
}
