import { ROLES, SUPPORT_TEAM } from "../data/portal-config";
import { badRequest, notFound } from "../errors";
import { decodeCursor, encodeCursor, intParam } from "../params";
import { route, type HubSpotRouter, type RequestContext } from "../routes";
import type { Portal } from "../store/portal";
import type { User } from "../store/users";

// User provisioning (settings v3). The official client calls /settings/v3/users/ for list and
// create; HubSpot's spec names /settings/users/v3 for the same operations: both are served.

export function userRoutes(router: HubSpotRouter, portal: () => Portal): void {
  for (const base of ["/settings/v3/users", "/settings/users/v3"]) {
    router
      .add("GET", base, route("read", (ctx) => list(portal(), ctx)))
      .add("POST", base, route("write", (ctx) => {
        const user = portal().provision(ctx.body);
        return { status: 201, body: presentUser(user), headers: { Location: `${ctx.baseUrl}/settings/v3/users/${user.id}` } };
      }));
  }
  router
    .add("GET", "/settings/v3/users/roles", route("read", () => ({ status: 200, body: { results: ROLES } })))
    .add("GET", "/settings/v3/users/teams", route("read", () => {
      const userIds = portal()
        .users.allUsers()
        .filter((u) => u.primaryTeamId === SUPPORT_TEAM.id)
        .map((u) => u.id);
      return { status: 200, body: { results: [{ id: SUPPORT_TEAM.id, name: SUPPORT_TEAM.name, userIds, secondaryUserIds: [] }] } };
    }))
    .add("GET", "/settings/v3/users/:userId", route("read", (ctx) => {
      const users = portal().users;
      const by = ctx.query.get("idProperty") ?? "USER_ID";
      if (by !== "USER_ID" && by !== "EMAIL") throw badRequest(`Invalid idProperty: ${by}`);
      const key = ctx.params.userId!;
      const user = by === "USER_ID" ? users.user(key) : users.allUsers().find((u) => u.email.toLowerCase() === key.toLowerCase());
      if (!user) throw notFound();
      return { status: 200, body: presentUser(user) };
    }));
}

function list(portal: Portal, ctx: RequestContext) {
  const limit = intParam(ctx.query, "limit", 100, 100);
  const offset = decodeCursor(ctx.query.get("after"));
  const all = portal.users.allUsers();
  const body: Record<string, unknown> = { results: all.slice(offset, offset + limit).map(presentUser) };
  if (offset + limit < all.length) body.paging = { next: { after: encodeCursor(offset + limit) } };
  return { status: 200, body };
}

function presentUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    ...(u.firstName ? { firstName: u.firstName } : {}),
    ...(u.lastName ? { lastName: u.lastName } : {}),
    roleIds: u.roleIds,
    ...(u.roleIds[0] ? { roleId: u.roleIds[0] } : {}),
    ...(u.primaryTeamId ? { primaryTeamId: u.primaryTeamId } : {}),
    secondaryTeamIds: [],
    superAdmin: u.superAdmin,
  };
}
