import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Configuration, JsonWebKey, ProviderContext } from "oidc-provider";
import { logoutPage, messagePage, PAGE_HEADERS } from "./pages";
import type { AccountStore } from "./users";

export type ClientSettings = { clientId: string; clientSecret: string; redirectUris: string[] };

function render(ctx: ProviderContext, html: string): void {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
  ctx.body = html;
}

/**
 * Keys are made per start: sessions and tokens live in memory, so nothing signed by an earlier
 * run could be checked anyway.
 */
function freshSigningKey(): JsonWebKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256" } as JsonWebKey;
}

export function providerConfiguration(client: ClientSettings, accounts: AccountStore): Configuration {
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: "FlowForge Support Desk",
        redirect_uris: client.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // What openid-client 5 (inside next-auth 4) uses when a provider sets none.
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [freshSigningKey()] },
    // Cookies are signed; they are not marked Secure because the provider is reached over http.
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "email", "profile"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Otherwise the ID token carries only `sub` and next-auth signs in a user with no email or name.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => render(ctx, logoutPage(form)),
        postLogoutSuccessSource: async (ctx) =>
          render(ctx, messagePage("Signed out", ["You are signed out of the demo identity provider."])),
      },
    },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = accounts.find(sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: () => ({ sub: user.sub, email: user.email, email_verified: true, name: user.name }),
      };
    },
    async renderError(ctx, out) {
      const details = [out.error, out.error_description].filter((text): text is string => Boolean(text));
      render(ctx, messagePage("Sign-in could not continue", [...details, "Go back to the app and start again."]));
    },
  };
}
