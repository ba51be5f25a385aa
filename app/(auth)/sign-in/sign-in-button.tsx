"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignInButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      className="w-full py-2.5"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
    >
      {pending ? "Redirecting…" : `Sign in with ${label}`}
    </Button>
  );
}
