import { z } from "zod";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppError["code"] | "INTERNAL"; error: string; fieldErrors?: Record<string, string[]> };

interface ActionOptions<S extends z.ZodType> {
  /** The least role allowed to run the action. */
  role: Role;
  input: S;
}

/**
 * Every server action goes through here: the session and role are checked first, on every
 * call (a server action is a public POST endpoint), then the input is validated; expected
 * errors come back as results, anything else is logged and reported generically.
 */
export function safeAction<S extends z.ZodType, T>(
  options: ActionOptions<S>,
  run: (input: z.infer<S>, ctx: { user: SessionUser }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await requireUser(options.role);
      const parsed = options.input.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return { ok: false, code: "INVALID_INPUT", error: "Please correct the highlighted fields.", fieldErrors };
      }
      return { ok: true, data: await run(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, error: error.message };
      console.error("server action failed", error);
      return { ok: false, code: "INTERNAL", error: "Something went wrong. The team has the details in the logs." };
    }
  };
}
