import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; signedInAt?: number; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** When this session was created by a sign-in (ms since epoch); survives token refreshes. */
    signedInAt?: number;
  }
}
