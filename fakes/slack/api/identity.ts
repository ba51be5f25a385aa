import { SlackApiError } from "../errors";
import { presentUser } from "../present";
import type { ApiContext, ApiMethod } from "./method";
import { pageByKey } from "./paging";

// auth.test (who the token belongs to: the app uses bot_id/user_id to know its own messages),
// users.info, users.lookupByEmail, users.list.

export const identityMethods: Record<string, ApiMethod> = {
  "auth.test": {
    handler: ({ ws, baseUrl }: ApiContext) => ({
      url: `${baseUrl}/`,
      team: ws.team.name,
      user: ws.user(ws.app.botUserId)?.name ?? "support-desk",
      team_id: ws.team.id,
      user_id: ws.app.botUserId,
      bot_id: ws.app.botId,
      is_enterprise_install: false,
    }),
  },
  "users.info": {
    handler: ({ ws, params }: ApiContext) => {
      const user = ws.user(params.string("user") ?? "");
      if (!user) throw new SlackApiError("user_not_found");
      return { user: presentUser(ws, user) };
    },
  },
  "users.lookupByEmail": {
    handler: ({ ws, params }: ApiContext) => {
      const user = ws.userByEmail(params.required("email"));
      if (!user) throw new SlackApiError("users_not_found");
      return { user: presentUser(ws, user) };
    },
  },
  "users.list": {
    handler: ({ ws, params }: ApiContext) => {
      const { page, nextCursor } = pageByKey(ws.users, (u) => u.id, "user", params.string("cursor"), params.int("limit", 1000, 1000));
      return { members: page.map((u) => presentUser(ws, u)), cache_ts: Math.floor(Date.now() / 1000), response_metadata: { next_cursor: nextCursor } };
    },
  },
};
