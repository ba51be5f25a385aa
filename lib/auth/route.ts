import { NextResponse, type NextRequest } from "next/server";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/access";
import { AppError, HTTP_STATUS } from "@/lib/errors";

type Handler<P> = (request: NextRequest, ctx: { user: SessionUser; params: P }) => Promise<Response>;

/** Wraps a route handler so that it checks the session and role itself, whatever middleware did. */
export function withUser<P = Record<string, string>>(role: Role, handler: Handler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await requireUser(role);
      return await handler(request, { user, params: await context.params });
    } catch (error) {
      if (error instanceof AppError) {
        return NextResponse.json({ error: error.message, code: error.code }, { status: HTTP_STATUS[error.code] });
      }
      console.error("route handler failed", request.nextUrl.pathname, error);
      return NextResponse.json({ error: "Internal error", code: "INTERNAL" }, { status: 500 });
    }
  };
}
