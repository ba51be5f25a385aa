import type { DocsGapStatus, PrismaClient } from "@/lib/generated/prisma/client";

// The docs gaps list, newest first, paged by keyset on (created_at, id) within a status: the
// index docs_gaps(status, created_at, id) serves every page alike.

export const DOCS_GAPS_PAGE_SIZE = 50;

interface Cursor {
  at: string;
  id: string;
}

export function encodeGapCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeGapCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof value.at !== "string" || Number.isNaN(Date.parse(value.at)) || typeof value.id !== "string" || !/^[0-9a-f-]{36}$/.test(value.id)) return null;
    return { at: value.at, id: value.id };
  } catch {
    return null;
  }
}

export async function listDocsGaps(db: PrismaClient, status: DocsGapStatus, after: string | undefined, pageSize = DOCS_GAPS_PAGE_SIZE) {
  const cursor = decodeGapCursor(after);
  const rows = await db.docsGap.findMany({
    where: {
      status,
      ...(cursor ? { OR: [{ createdAt: { lt: new Date(cursor.at) } }, { createdAt: new Date(cursor.at), id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    include: { ticket: { select: { subject: true } }, resolvedBy: { select: { name: true, email: true } } },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    gaps: page.map((gap) => ({
      id: gap.id,
      topic: gap.topic,
      ticket: gap.ticketId ? { id: gap.ticketId, subject: gap.ticket?.subject ?? null } : null,
      suggested: (Array.isArray(gap.suggested) ? gap.suggested : []) as { title: string; url: string }[],
      reportedByName: gap.reportedByName,
      createdAt: gap.createdAt,
      resolvedAt: gap.resolvedAt,
      resolvedBy: gap.resolvedBy ? (gap.resolvedBy.name ?? gap.resolvedBy.email) : null,
      articleUrl: gap.articleUrl,
    })),
    next: rows.length > pageSize && last ? encodeGapCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
