import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/page";
import { listTeam } from "@/lib/team";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { MemberControls } from "./member-controls";

export const metadata: Metadata = { title: "Team" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function TeamPage() {
  const user = await pageUser();
  const team = await listTeam();
  const isAdmin = user.role === "ADMIN";

  return (
    <>
      <PageHeader
        title="Team"
        description={
          isAdmin
            ? "Everyone who has signed in. Changing a role or removing someone takes effect on their next click."
            : "Everyone who has signed in to Support Desk."
        }
      />
      {team.length === 0 ? (
        <EmptyState title="Nobody has signed in yet" />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Team members</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">Member</th>
                <th scope="col" className="px-4 py-3">Role</th>
                <th scope="col" className="px-4 py-3">Last sign-in</th>
                {isAdmin ? <th scope="col" className="px-4 py-3">Access</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {team.map((member) => (
                <tr key={member.id} data-testid={`member-${member.email}`}>
                  <td className="px-4 py-3">
                    <p className="font-medium text-slate-900">{member.name ?? member.email}</p>
                    <p className="text-slate-600">{member.email}</p>
                  </td>
                  <td className="px-4 py-3" data-testid="member-role">
                    {member.removed ? <Badge tone="bad">Removed</Badge> : <Badge tone={member.role === "ADMIN" ? "info" : "neutral"}>{member.role === "ADMIN" ? "Admin" : "Member"}</Badge>}
                  </td>
                  <td className="px-4 py-3 text-slate-700">{member.lastLoginAt ? dateFormat.format(member.lastLoginAt) : "Never"}</td>
                  {isAdmin ? (
                    <td className="px-4 py-3">
                      {member.id === user.id ? (
                        <span className="text-slate-600">You</span>
                      ) : (
                        <MemberControls userId={member.id} email={member.email} role={member.role} removed={member.removed} />
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
