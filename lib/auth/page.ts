import { redirect } from "next/navigation";
import { currentUser, type SessionUser } from "@/lib/auth/session";

/** For server components: the signed-in user, or a redirect to the sign-in page. */
export async function pageUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
