import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { env, type Env } from "@/lib/env";
import { findUserByEmail, recordSignIn } from "@/lib/auth/users";

export const DEMO_PROVIDER_ID = "oidc";

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

function providers(settings: Env): Provider[] {
  const list: Provider[] = [];
  if (settings.OIDC_ISSUER && settings.OIDC_CLIENT_ID && settings.OIDC_CLIENT_SECRET) {
    list.push({
      id: DEMO_PROVIDER_ID,
      name: settings.DEMO_IDENTITY_PROVIDER ? "Demo identity provider" : settings.OIDC_NAME,
      type: "oauth",
      wellKnown: `${settings.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: settings.OIDC_CLIENT_ID,
      clientSecret: settings.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: {
        // The demo provider keeps its own session; asking it to log in again lets people switch user.
        params: { scope: "openid email profile", ...(settings.DEMO_IDENTITY_PROVIDER ? { prompt: "login" } : {}) },
      },
      profile(profile: OidcProfile) {
        return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? null, emailVerified: profile.email_verified };
      },
    });
  }
  if (settings.GITHUB_ID && settings.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: settings.GITHUB_ID, clientSecret: settings.GITHUB_SECRET }));
  }
  if (settings.GOOGLE_CLIENT_ID && settings.GOOGLE_CLIENT_SECRET) {
    list.push(GoogleProvider({ clientId: settings.GOOGLE_CLIENT_ID, clientSecret: settings.GOOGLE_CLIENT_SECRET }));
  }
  return list;
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth configuration. Sessions are JWTs that only carry the user id: the role and whether
 * the user may still get in are read from Postgres on every request (see lib/auth/session.ts).
 */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const settings = env();
  cached = {
    secret: settings.NEXTAUTH_SECRET,
    providers: providers(settings),
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      async signIn({ user, profile }) {
        const emailVerified = (profile as OidcProfile | undefined)?.email_verified;
        if (!user.email || emailVerified === false) return false;
        const recorded = await recordSignIn({ email: user.email, name: user.name ?? null }, settings);
        return recorded !== null;
      },
      async jwt({ token, user }) {
        if (user?.email) {
          const recorded = await findUserByEmail(user.email);
          if (recorded) token.uid = recorded.id;
          token.signedInAt = Date.now();
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === "string") {
          session.user.id = token.uid;
          session.user.signedInAt = token.signedInAt;
        }
        return session;
      },
    },
  };
  return cached;
}

/** The providers to offer on the sign-in page. */
export function signInProviders(): { id: string; name: string }[] {
  return authOptions().providers.map((provider) => ({ id: provider.id, name: provider.name }));
}
