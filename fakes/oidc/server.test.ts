import { createHash, createPublicKey, randomBytes, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type RunningOidcProvider } from "./server";
import { formAction, TestBrowser, type Page } from "./test-browser";

const CLIENT_ID = "support-desk";
const CLIENT_SECRET = "a secret: with/odd+chars";
const REDIRECT_URI = "http://127.0.0.1:3999/api/auth/callback/demo";

type Discovery = Record<string, string | string[]> & {
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
};

let provider: RunningOidcProvider;
let discovery: Discovery;

beforeAll(async () => {
  provider = await startOidcProvider({
    port: 0,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [REDIRECT_URI],
  });
  discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as Discovery;
});

afterAll(() => provider.stop());

function base64url(bytes: Buffer): string {
  return bytes.toString("base64url");
}

/** Starts a sign-in as next-auth does (code flow, PKCE S256, state, prompt=login) and lands on the picker. */
async function authorize(browser: TestBrowser, params: Record<string, string> = {}) {
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid email profile",
    state,
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    prompt: "login",
    ...params,
  }).toString();
  const page = await browser.navigate(url.href);
  return { verifier, state, page };
}

/** Submits the picker and returns the callback URL the provider sends the browser to. */
async function submit(browser: TestBrowser, page: Page, form: Record<string, string>): Promise<URL> {
  const landed = await browser.navigate(formAction(page), form);
  expect(landed.url.startsWith(REDIRECT_URI), `landed on ${landed.url}: ${landed.html}`).toBe(true);
  return new URL(landed.url);
}

async function exchange(code: string, verifier: string, secret = CLIENT_SECRET): Promise<Response> {
  // RFC 6749 2.3.1: form-encode id and secret before Basic, as openid-client does.
  const credentials = `${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(secret)}`;
  return fetch(discovery.token_endpoint, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }),
  });
}

async function verifiedClaims(idToken: string): Promise<Record<string, unknown>> {
  const [header = "", payload = "", signature = ""] = idToken.split(".");
  const { kid, alg } = JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string; alg: string };
  expect(alg).toBe("RS256");
  const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string }[] };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  expect(jwk).toBeDefined();
  const key = createPublicKey({ key: jwk as never, format: "jwk" });
  expect(verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))).toBe(true);
  return JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
}

/** The whole journey: picker → choice → callback → token exchange; returns the tokens and ID token claims. */
async function signIn(browser: TestBrowser, form: Record<string, string>) {
  const { verifier, state, page } = await authorize(browser);
  expect(page.status).toBe(200);
  const callback = await submit(browser, page, form);
  expect(callback.searchParams.get("state")).toBe(state);
  expect(callback.searchParams.get("iss")).toBe(provider.issuer);
  const response = await exchange(callback.searchParams.get("code") ?? "", verifier);
  expect(response.status).toBe(200);
  const tokens = (await response.json()) as { id_token: string; access_token: string; token_type: string };
  return { tokens, claims: await verifiedClaims(tokens.id_token) };
}

describe("demo OIDC provider", () => {
  it("publishes discovery at the issuer's well-known URL", () => {
    expect(provider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(discovery.issuer).toBe(provider.issuer);
    expect(discovery.authorization_endpoint).toBe(`${provider.issuer}/auth`);
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.token_endpoint_auth_methods_supported).toContain("client_secret_basic");
    expect(discovery.scopes_supported).toEqual(["openid", "email", "profile"]);
  });

  it("shows an accessible picker with every demo user and the ad-hoc form", async () => {
    const { page } = await authorize(new TestBrowser(provider.issuer));
    expect(page.status).toBe(200);
    expect(page.url).toMatch(new RegExp(`^${provider.issuer}/interaction/[\\w-]+$`));
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toMatch(/<title>[^<]+<\/title>/);
    expect(page.html).toContain("<main>");
    expect(page.html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(page.html).toContain("FlowForge demo sign-in — local identity provider, not for production");
    expect(page.html).toContain('<button class="user" type="submit" name="sub" value="demo-ada">');
    expect(page.html).toContain("Ada Admin");
    expect(page.html).toContain("Admin: approves seat requests and edits routing, triage and SLA settings");
    expect(page.html).toContain("max@flowforge.com");
    expect(page.html).toContain("Sign in as another email");
    expect(page.html).toContain('<label for="email">Email</label>');
    expect(page.html).toContain('<input id="email" name="email" type="email"');
  });

  it("signs in a demo user through the code flow with PKCE and a client secret", async () => {
    const { tokens, claims } = await signIn(new TestBrowser(provider.issuer), { sub: "demo-ada" });
    expect(claims).toMatchObject({
      iss: provider.issuer,
      aud: CLIENT_ID,
      sub: "demo-ada",
      email: "ada@flowforge.com",
      email_verified: true,
      name: "Ada Admin",
    });

    const userinfo = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `${tokens.token_type} ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toEqual({
      sub: "demo-ada",
      email: "ada@flowforge.com",
      email_verified: true,
      name: "Ada Admin",
    });
  });

  it("shows the picker again with prompt=login although the provider session is still alive", async () => {
    const browser = new TestBrowser(provider.issuer);
    await signIn(browser, { sub: "demo-ada" });
    const { claims } = await signIn(browser, { sub: "demo-max" });
    expect(claims).toMatchObject({ sub: "demo-max", email: "max@flowforge.com", name: "Max Member" });
  });

  it("signs in as any email from the ad-hoc form, with one stable subject per email", async () => {
    const first = await signIn(new TestBrowser(provider.issuer), { email: "eve@example.com", name: "Eve Outsider" });
    expect(first.claims).toMatchObject({ email: "eve@example.com", email_verified: true, name: "Eve Outsider" });
    expect(first.claims.sub).toMatch(/^adhoc-/);

    const again = await signIn(new TestBrowser(provider.issuer), { email: "Eve@Example.com", name: "" });
    expect(again.claims.sub).toBe(first.claims.sub);
    expect(again.claims.name).toBe("Eve");

    const known = await signIn(new TestBrowser(provider.issuer), { email: "ADA@flowforge.com", name: "Someone" });
    expect(known.claims).toMatchObject({ sub: "demo-ada", name: "Ada Admin" });
  });

  it("re-shows the ad-hoc form, escaped, when the email is not an email", async () => {
    const browser = new TestBrowser(provider.issuer);
    const { page } = await authorize(browser);
    const rejected = await browser.navigate(formAction(page), { email: '"><script>alert(1)</script>', name: "" });
    expect(rejected.status).toBe(400);
    expect(rejected.html).toContain('aria-invalid="true"');
    expect(rejected.html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(rejected.html).not.toContain("<script>");

    // The same interaction still completes after the mistake.
    const callback = await submit(browser, rejected, { sub: "demo-max" });
    expect(callback.searchParams.get("code")).toBeTruthy();
  });

  it("refuses a redirect_uri that is not registered, without redirecting", async () => {
    const { page } = await authorize(new TestBrowser(provider.issuer), {
      redirect_uri: "http://127.0.0.1:3999/elsewhere",
    });
    expect(page.status).toBe(400);
    expect(page.url.startsWith(provider.issuer)).toBe(true);
    expect(page.html).toContain("redirect_uri did not match any of the client&#39;s registered redirect_uris");
  });

  it("requires PKCE", async () => {
    const browser = new TestBrowser(provider.issuer);
    const { page } = await authorize(browser, { code_challenge: "", code_challenge_method: "" });
    const error = new URL(page.url);
    expect(error.href.startsWith(REDIRECT_URI)).toBe(true);
    expect(error.searchParams.get("error")).toBe("invalid_request");
    expect(error.searchParams.get("error_description")).toContain("PKCE");
  });

  it("fails the token exchange with a wrong client secret or a wrong code verifier", async () => {
    const browser = new TestBrowser(provider.issuer);
    const { verifier, page } = await authorize(browser);
    const code = (await submit(browser, page, { sub: "demo-ada" })).searchParams.get("code") ?? "";

    const wrongSecret = await exchange(code, verifier, "not the secret");
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toMatchObject({ error: "invalid_client" });

    const wrongVerifier = await exchange(code, base64url(randomBytes(32)));
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("rejects an unknown demo user and an interaction that is not this browser's", async () => {
    const browser = new TestBrowser(provider.issuer);
    const { page } = await authorize(browser);
    const unknown = await browser.navigate(formAction(page), { sub: "demo-nobody" });
    expect(unknown.status).toBe(400);

    const stranger = await new TestBrowser(provider.issuer).navigate(page.url);
    expect(stranger.status).toBe(400);
    expect(stranger.html).toContain("This sign-in has expired");
  });
});
