import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { providerConfiguration } from "./config";
import { INTERACTION_PATH, interactionHandler } from "./interactions";
import { messagePage, PAGE_HEADERS } from "./pages";
import { AccountStore, DEMO_USERS, type DemoUser } from "./users";

export { DEMO_USERS, type DemoUser };

export type OidcProviderOptions = {
  /** 0 picks a free port; the issuer then names the one chosen. */
  port: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  users?: DemoUser[];
};

export type RunningOidcProvider = { issuer: string; stop(): Promise<void> };

/** A wildcard listen address is not something a browser can be sent to. */
function issuerHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * A real OpenID Provider (authorization code + PKCE) for demos and tests, with a page to pick
 * who to sign in as. Sessions, grants and ad-hoc accounts live in memory and end with `stop()`.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<RunningOidcProvider> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const stop = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Browsers keep connections alive; without this, close() waits for them to time out.
      server.closeAllConnections();
    });

  // Listening first lets port 0 work: the issuer must name the real port.
  const issuer = `http://${issuerHost(host)}:${(server.address() as AddressInfo).port}`;
  const accounts = new AccountStore(options.users ?? DEMO_USERS);
  const client = { clientId: options.clientId, clientSecret: options.clientSecret, redirectUris: options.redirectUris };
  let provider: Provider;
  try {
    provider = new Provider(issuer, providerConfiguration(client, accounts));
    // Static clients are only validated on first use; a bad redirect URI should fail the start instead.
    await provider.Client.find(options.clientId);
  } catch (error) {
    await stop();
    throw error;
  }
  provider.on("server_error", (_ctx: unknown, error: unknown) => console.error("oidc: server error", error));

  const oidc = provider.callback();
  const interactions = interactionHandler(provider, accounts);
  server.on("request", (req, res) => {
    const match = INTERACTION_PATH.exec(new URL(req.url ?? "/", issuer).pathname);
    if (!match) return void oidc(req, res);
    interactions(req, res, match).catch((error: unknown) => {
      console.error("oidc: interaction failed", error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, PAGE_HEADERS);
      res.end(messagePage("Something went wrong", ["The demo identity provider failed. Its log has the details."]));
    });
  });

  return { issuer, stop };
}
