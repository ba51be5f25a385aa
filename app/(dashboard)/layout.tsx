import { AppShell } from "@/components/app-shell";
import { pageUser } from "@/lib/auth/page";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await pageUser();
  return <AppShell user={user}>{children}</AppShell>;
}
