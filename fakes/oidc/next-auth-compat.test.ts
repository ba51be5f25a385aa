// next-auth 4 talks OIDC through openid-client 5 (its own dependency). These calls mirror
// next-auth's core/lib/oauth (client.js, authorization-url.js, callback.js), so a provider change
// that would break the app's sign-in fails here first.
import { generators, Issuer } from "openid-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startOidcProvider, type RunningOidcProvider } from "./server";
import { formAction, TestBrowser } from "./test-browser";

const CLIENT_ID = "support-desk";
const CLIENT_SECRET = "demo-secret";
const CALLBACK_URL = "http://127.0.0.1:3999/api/auth/callback/demo";

let provider: RunningOidcProvider;

beforeAll(async () => {
  provider = await startOidcProvider({
    port: 0,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [CALLBACK_URL],
  });
});

afterAll(() => provider.stop());

it("signs in through openid-client the way next-auth 4 does", async () => {
  const issuer = await Issuer.discover(`${provider.issuer}/.well-known/openid-configuration`);
  const client = new issuer.Client({
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uris: [CALLBACK_URL],
    token_endpoint_auth_method: "client_secret_basic",
  });

  const codeVerifier = generators.codeVerifier();
  const state = generators.state();
  const authorizationUrl = client.authorizationUrl({
    scope: "openid email profile",
    prompt: "login",
    state,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });

  const browser = new TestBrowser(provider.issuer);
  const picker = await browser.navigate(authorizationUrl);
  const callback = await browser.navigate(formAction(picker), { sub: "demo-max" });
  expect(callback.url.startsWith(CALLBACK_URL)).toBe(true);

  const tokens = await client.callback(CALLBACK_URL, client.callbackParams(callback.url), {
    state,
    code_verifier: codeVerifier,
  });
  // With `idToken: true` next-auth builds the user from these claims alone.
  expect(tokens.claims()).toMatchObject({
    sub: "demo-max",
    email: "max@flowforge.com",
    email_verified: true,
    name: "Max Member",
  });
  expect(await client.userinfo(tokens)).toMatchObject({ sub: "demo-max", email: "max@flowforge.com" });
});
