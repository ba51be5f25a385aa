import { NextResponse } from "next/server";
import { withUser } from "@/lib/auth/route";

export const dynamic = "force-dynamic";

/** Who am I, as the server sees it now (role from Postgres). */
export const GET = withUser("MEMBER", async (_request, { user }) => NextResponse.json({ user }));
