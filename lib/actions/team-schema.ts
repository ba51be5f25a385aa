import { z } from "zod";

export const setRoleInput = z.object({ userId: z.uuid(), role: z.enum(["MEMBER", "ADMIN"]) });
export const setRemovedInput = z.object({ userId: z.uuid(), removed: z.boolean() });
