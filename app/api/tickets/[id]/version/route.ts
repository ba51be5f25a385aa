import { NextResponse } from "next/server";
import { withUser } from "@/lib/auth/route";
import { db } from "@/lib/db";
import { ticketVersion } from "@/lib/tickets/version";

export const dynamic = "force-dynamic";

/** The ticket page's change fingerprint (lib/tickets/version.ts), polled by the open page. */
export const GET = withUser<{ id: string }>("MEMBER", async (_request, { params }) => {
  const version = /^\d+$/.test(params.id) ? await ticketVersion(db(), params.id) : null;
  if (version === null) return NextResponse.json({ error: "No such ticket", code: "NOT_FOUND" }, { status: 404 });
  return NextResponse.json({ version }, { headers: { "Cache-Control": "no-store" } });
});
