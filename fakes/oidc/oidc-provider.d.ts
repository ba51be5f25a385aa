// oidc-provider ships no type declarations and @types/oidc-provider is not a dependency.
// These cover only what fakes/oidc uses, so a typo in the configuration still fails the typecheck.
declare module "oidc-provider" {
  import type { EventEmitter } from "node:events";
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type ClaimsValue = string | boolean | number | null | undefined;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, ClaimsValue> | Promise<Record<string, ClaimsValue>>;
  }

  /** The slice of the Koa context that the rendering hooks touch. */
  export interface ProviderContext {
    type: string;
    body: unknown;
    status: number;
    set(field: string, value: string): void;
  }

  export interface ErrorOut {
    error?: string;
    error_description?: string;
    state?: string;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret: string;
    client_name?: string;
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types: string[];
    response_types: string[];
    token_endpoint_auth_method: "client_secret_basic" | "client_secret_post";
  }

  export interface JsonWebKey {
    kty: string;
    [parameter: string]: unknown;
  }

  export interface Configuration {
    clients: ClientMetadata[];
    jwks: { keys: JsonWebKey[] };
    cookies: { keys: string[] };
    scopes: string[];
    claims: Record<string, string[]>;
    conformIdTokenClaims: boolean;
    features: {
      devInteractions: { enabled: boolean };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: ProviderContext, form: string): Promise<void>;
        postLogoutSuccessSource(ctx: ProviderContext): Promise<void>;
      };
    };
    pkce: { required(): boolean };
    ttl: Record<"AccessToken" | "AuthorizationCode" | "IdToken" | "Interaction" | "Session" | "Grant", number>;
    interactions: { url(ctx: unknown, interaction: { uid: string }): string | Promise<string> };
    findAccount(ctx: unknown, sub: string): Promise<Account | undefined>;
    renderError(ctx: ProviderContext, out: ErrorOut, error: Error): Promise<void>;
  }

  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  }

  export interface Interaction {
    uid: string;
    prompt: { name: string; reasons: string[]; details: PromptDetails };
    params: Record<string, unknown>;
    session?: { accountId: string; uid: string };
    grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string };
    consent?: { grantId?: string };
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export class Provider extends EventEmitter {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    /** Resolves a client; rejects when its metadata is invalid. */
    readonly Client: { find(id: string): Promise<unknown> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export const errors: {
    SessionNotFound: new (description?: string) => Error;
  };

  export default Provider;
}
