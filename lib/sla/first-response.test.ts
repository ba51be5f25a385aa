import { describe, expect, it } from "vitest";
import { firstResponse, isAutomated, type ThreadMessage } from "@/lib/sla/first-response";

const message = (minute: number, patch: Partial<ThreadMessage>): ThreadMessage => ({
  direction: "OUTGOING",
  type: "MESSAGE",
  createdAt: new Date(Date.UTC(2026, 5, 10, 9, minute)),
  senderActorId: "A-101",
  ...patch,
});

describe("firstResponse", () => {
  it("is the first outgoing message from a person on the thread", () => {
    const thread = [
      message(0, { direction: "INCOMING", senderActorId: "V-7" }),
      message(20, {}),
      message(10, { senderActorId: "A-102" }),
    ];
    expect(firstResponse(thread, null)).toEqual({ at: thread[2]!.createdAt, source: "thread" });
  });

  it("skips internal notes, customer messages, events and automated replies", () => {
    const thread = [
      message(1, { type: "COMMENT" }),
      message(2, { direction: "INCOMING", senderActorId: "V-7" }),
      message(3, { type: "THREAD_STATUS_CHANGE", direction: null }),
      message(4, { senderActorId: "B-55" }),
      message(5, { senderActorId: "S-hubspot" }),
      message(6, { senderActorId: "I-9001" }),
      message(7, { senderIsAutomated: true }),
      message(8, { senderActorId: "E-jo@flowforge.com" }),
    ];
    expect(firstResponse(thread, null)).toEqual({ at: thread[7]!.createdAt, source: "thread" });
  });

  it("falls back to HubSpot's first agent message time", () => {
    const hubspot = new Date("2026-06-10T09:30Z");
    expect(firstResponse([message(1, { type: "COMMENT" })], hubspot)).toEqual({ at: hubspot, source: "hubspot_property" });
    expect(firstResponse([message(40, {})], hubspot).source).toBe("thread");
  });

  it("is null with neither", () => {
    expect(firstResponse([], null)).toEqual({ at: null, source: null });
  });
});

describe("isAutomated", () => {
  it("follows the actor id unless told otherwise", () => {
    expect(isAutomated(message(0, { senderActorId: "B-1" }))).toBe(true);
    expect(isAutomated(message(0, { senderActorId: "A-1" }))).toBe(false);
    expect(isAutomated(message(0, { senderActorId: null }))).toBe(false);
    expect(isAutomated(message(0, { senderActorId: "I-1", senderIsAutomated: false }))).toBe(false);
    expect(isAutomated(message(0, { senderActorId: "A-1", senderIsAutomated: true }))).toBe(true);
  });
});
