import { z } from "zod";
import type { SlaState } from "@/lib/sla/sla-state";
import { TIERS, type Tier } from "@/lib/tiers/tier";
import { SLA_STATES } from "@/lib/queue/sla-filter";

// The queue's filters, sort and page as they live in the URL, so that a view can be bookmarked,
// shared and reloaded. Parsing is lenient: a value that makes no sense is dropped, never an error.

export const QUEUE_SORTS = ["urgent", "oldest", "newest", "updated"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const SORT_LABELS: Record<QueueSort, string> = {
  urgent: "Most urgent first",
  oldest: "Oldest first",
  newest: "Newest first",
  updated: "Recently updated",
};

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface QueueQuery {
  tier: Tier | null;
  /** "pipelineId:stageId". */
  stage: string | null;
  /** An owner id, or "none" for unassigned tickets. */
  owner: string | null;
  sla: SlaState | null;
  sort: QueueSort;
  /** Tickets per page: one of PAGE_SIZES. */
  size: number;
  /** The position after which the page starts (an opaque token from the previous page). */
  after: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseQueueParams(params: SearchParams): QueueQuery {
  const tier = first(params.tier);
  const sla = first(params.sla);
  const sort = first(params.sort);
  const stage = first(params.status);
  const owner = first(params.owner);
  const after = first(params.after);
  const size = Number(first(params.size));
  return {
    tier: (TIERS as readonly string[]).includes(tier) ? (tier as Tier) : null,
    stage: /^[\w-]+:[\w-]+$/.test(stage) ? stage : null,
    owner: owner === "none" || /^\d+$/.test(owner) ? owner : null,
    sla: (SLA_STATES as readonly string[]).includes(sla) ? (sla as SlaState) : null,
    sort: (QUEUE_SORTS as readonly string[]).includes(sort) ? (sort as QueueSort) : "urgent",
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    after: after && after.length <= 200 ? after : null,
  };
}

/** The URL of a view: defaults are left out, so the plain /queue is the default view. */
export function queueHref(query: Partial<QueueQuery>): string {
  const params = new URLSearchParams();
  if (query.tier) params.set("tier", query.tier);
  if (query.stage) params.set("status", query.stage);
  if (query.owner) params.set("owner", query.owner);
  if (query.sla) params.set("sla", query.sla);
  if (query.sort && query.sort !== "urgent") params.set("sort", query.sort);
  if (query.size && query.size !== DEFAULT_PAGE_SIZE) params.set("size", String(query.size));
  if (query.after) params.set("after", query.after);
  const search = params.toString();
  return search ? `/queue?${search}` : "/queue";
}

/** The sort key of the last row of a page; the next page starts after it. */
export type QueueCursor =
  | { sort: "urgent"; rank: number; at: string; id: string }
  | { sort: "oldest" | "newest" | "updated"; at: string; id: string };

const cursorSchema = z.discriminatedUnion("sort", [
  z.object({ sort: z.literal("urgent"), rank: z.number().int().min(0).max(9), at: z.iso.datetime(), id: z.string().regex(/^\d+$/) }),
  z.object({ sort: z.enum(["oldest", "newest", "updated"]), at: z.iso.datetime(), id: z.string().regex(/^\d+$/) }),
]);

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor in a URL, or null when it is malformed or belongs to another sort (the first page then). */
export function decodeCursor(token: string | null, sort: QueueSort): QueueCursor | null {
  if (!token) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    return parsed.success && parsed.data.sort === sort ? parsed.data : null;
  } catch {
    return null;
  }
}
