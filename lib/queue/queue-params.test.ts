import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseQueueParams, queueHref } from "@/lib/queue/queue-params";

describe("queue URL parameters", () => {
  it("reads filters and sort, dropping values that make no sense", () => {
    expect(parseQueueParams({ tier: "COMMUNITY", status: "0:1", owner: "412345001", sla: "due_soon", sort: "oldest" })).toEqual({
      tier: "COMMUNITY",
      stage: "0:1",
      owner: "412345001",
      sla: "due_soon",
      sort: "oldest",
      size: 50,
      after: null,
    });
    expect(parseQueueParams({ tier: "GOLD", status: "1; DROP TABLE", owner: "bob", sla: "late", sort: "random" })).toEqual({
      tier: null,
      stage: null,
      owner: null,
      sla: null,
      sort: "urgent",
      size: 50,
      after: null,
    });
    expect(parseQueueParams({ owner: "none", tier: ["MANAGED", "UNKNOWN"], size: "25" })).toMatchObject({ owner: "none", tier: "MANAGED", size: 25 });
    expect(parseQueueParams({ size: "100000" }).size).toBe(50);
  });

  it("writes the same view back, leaving the defaults out", () => {
    expect(queueHref({ sort: "urgent" })).toBe("/queue");
    const query = parseQueueParams({ tier: "UNKNOWN", sla: "breached", sort: "newest", owner: "none", size: "100" });
    expect(queueHref(query)).toBe("/queue?tier=UNKNOWN&owner=none&sla=breached&sort=newest&size=100");
    expect(parseQueueParams(Object.fromEntries(new URL(`http://x${queueHref(query)}`).searchParams))).toEqual(query);
  });

  it("round-trips a cursor, and ignores a forged one or one from another sort", () => {
    const cursor = { sort: "urgent" as const, rank: 0, at: "2026-03-16T11:00:00.000Z", id: "4200000012" };
    const token = encodeCursor(cursor);
    expect(decodeCursor(token, "urgent")).toEqual(cursor);
    expect(decodeCursor(token, "newest")).toBeNull();
    expect(decodeCursor("not-base64-json", "urgent")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ ...cursor, id: "1 OR 1=1" })).toString("base64url"), "urgent")).toBeNull();
  });
});
