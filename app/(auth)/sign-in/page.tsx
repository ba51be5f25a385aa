import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInProviders } from "@/lib/auth/options";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SignInButton } from "./sign-in-button";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  AccessDenied:
    "This account cannot use Support Desk. Sign in with your company account, or ask an admin if you were removed.",
  OAuthCallback: "Sign-in did not complete. Please try again.",
  OAuthSignin: "The identity provider could not be reached. Please try again.",
  SessionRequired: "Please sign in to continue.",
};

function safeCallback(value: string | undefined): string {
  // Only same-site paths: never bounce a user to another origin after sign-in.
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await currentUser()) redirect(safeCallback(params.callbackUrl));
  const settings = env();
  const error = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Please try again.") : null;

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-700">FlowForge</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in to Support Desk</h1>
        <p className="mt-2 text-sm text-slate-600">
          For the FlowForge team: {settings.ALLOWED_EMAIL_DOMAINS.map((domain) => `@${domain}`).join(", ")} accounts.
        </p>
        {settings.DEMO_IDENTITY_PROVIDER ? (
          <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note">
            <strong>Demo mode.</strong> No identity provider is configured, so a built-in local one signs you in as a demo
            user. Configure OIDC, GitHub or Google before using real data.
          </div>
        ) : null}
        {error ? (
          <p className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" role="alert">
            {error}
          </p>
        ) : null}
        <div className="mt-6 space-y-3">
          {signInProviders().map((provider) => (
            <SignInButton key={provider.id} providerId={provider.id} label={provider.name} callbackUrl={safeCallback(params.callbackUrl)} />
          ))}
        </div>
      </div>
    </main>
  );
}
