import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { NavLinks, type NavItem } from "@/components/nav-links";
import { SignOutButton } from "@/components/sign-out-button";
import { Badge } from "@/components/ui/badge";

function navItems(user: SessionUser): NavItem[] {
  return [
    { href: "/", label: "Home" },
    { href: "/queue", label: "Queue" },
    { href: "/sla", label: "SLA" },
    { href: "/tiers", label: "Tiers" },
    { href: "/docs-gaps", label: "Docs gaps" },
    { href: "/saved-replies", label: "Saved replies" },
    { href: "/team", label: user.role === "ADMIN" ? "Team & access" : "Team" },
    { href: "/sync", label: "Sync health" },
  ];
}

export function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2">
        Skip to content
      </a>
      <aside className="flex flex-wrap items-center justify-between border-b border-slate-200 bg-white lg:sticky lg:top-0 lg:h-screen lg:flex-col lg:flex-nowrap lg:items-stretch lg:border-b-0 lg:border-r">
        <Link href="/" className="order-1 px-4 py-3 text-lg font-semibold tracking-tight text-slate-900 lg:py-5">
          <span className="text-indigo-700">FlowForge</span> Support Desk
        </Link>
        <div className="order-2 px-4 py-2 lg:order-3 lg:border-t lg:border-slate-200 lg:py-4">
          <UserCard user={user} />
        </div>
        <nav aria-label="Main" className="order-3 w-full px-2 pb-2 lg:order-2 lg:flex-1">
          <NavLinks items={navItems(user)} />
        </nav>
      </aside>
      <div className="min-w-0">
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}

function UserCard({ user }: { user: SessionUser }) {
  return (
    <div className="flex items-center gap-3 lg:flex-col lg:items-start">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-slate-900" data-testid="current-user">
          {user.name ?? user.email}
        </p>
        <p className="flex items-center gap-2 truncate text-xs text-slate-600">
          <span className="truncate">{user.email}</span>
          <Badge tone={user.role === "ADMIN" ? "info" : "neutral"}>{user.role === "ADMIN" ? "Admin" : "Member"}</Badge>
        </p>
      </div>
      <SignOutButton />
    </div>
  );
}
