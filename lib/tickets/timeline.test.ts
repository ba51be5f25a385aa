import { describe, expect, it } from "vitest";
import { businessMinutesBetween } from "@/lib/sla/business-hours";
import { buildTimeline, type TimelineInput, type TimelineMessage, type TimelineWrite } from "./timeline";

const at = (iso: string) => new Date(iso);

function message(id: string, over: Partial<TimelineMessage>): TimelineMessage {
  return { id, type: "MESSAGE", direction: "INCOMING", senderName: "Jane Doe", senderEmail: "jane@acme.example", senderActorId: "V-1", text: "Hello", richText: null, sentAt: at("2026-11-23T09:30:00Z"), ...over };
}

function write(id: string, over: Partial<TimelineWrite>): TimelineWrite {
  return { id, kind: "NOTE", status: "PENDING", payload: { text: "A note", ownerId: null }, authorName: "Ada Admin", attempts: 0, lastError: null, hubspotId: null, createdAt: at("2026-11-23T11:55:00Z"), sentAt: null, lockedUntil: null, lastAttemptAt: null, ...over };
}

function input(over: Partial<TimelineInput>): TimelineInput {
  return {
    messages: [],
    notes: [],
    writes: [],
    ownerNames: new Map([["7", "Priya Raman"]]),
    stageLabels: new Map([["4", "Closed"]]),
    businessMinutes: (from, to) => businessMinutesBetween(from, to),
    now: at("2026-11-23T12:00:00Z"),
    ...over,
  };
}

describe("buildTimeline", () => {
  it("orders messages, notes and changes, with business time since the previous message", () => {
    const entries = buildTimeline(
      input({
        // Friday 16:30 London, then Monday 10:40: 30 + 100 business minutes.
        messages: [message("m1", { sentAt: at("2026-11-20T16:30:00Z") }), message("m2", { direction: "OUTGOING", senderName: "Priya Raman", sentAt: at("2026-11-23T10:40:00Z") })],
        notes: [{ id: "n1", body: "<p>Internal</p>", ownerId: "7", notedAt: at("2026-11-23T10:00:00Z") }],
        writes: [write("w1", { kind: "TICKET_UPDATE", payload: { changes: [{ property: "hs_pipeline_stage", from: "1", to: "4" }], overwrite: false }, createdAt: at("2026-11-23T10:50:00Z") })],
      }),
    );
    expect(entries.map((e) => [e.kind, e.author, e.businessMinutesSincePrevious])).toEqual([
      ["CUSTOMER", "Jane Doe", null],
      ["NOTE", "Priya Raman", 90],
      ["REPLY", "Priya Raman", 40],
      ["CHANGE", "Ada Admin", null],
    ]);
    expect(entries[3]!.html).toBe("Changed status → Closed");
  });

  it("shows a delivered write once, as HubSpot has it, with its state", () => {
    const entries = buildTimeline(
      input({
        messages: [message("m9", { direction: "OUTGOING", senderName: "Priya Raman", richText: "<p>Reply</p>" })],
        writes: [
          write("w2", {
            kind: "REPLY",
            status: "SENT",
            hubspotId: "m9",
            payload: { text: "Reply", threadId: "1", channelId: "1002", channelAccountId: "2", sender: { actorId: "A-1", name: "Priya Raman", onBehalf: true }, recipient: { name: null, actorId: null, deliveryIdentifier: null }, docsLinks: [] },
          }),
        ],
      }),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "REPLY", author: "Ada Admin", detail: "Sent as Priya Raman", write: { status: "SENT", canRetry: false } });
  });

  it("shows pending and failed writes from their own text, escaped, with a retry for the failed", () => {
    const entries = buildTimeline(
      input({ writes: [write("w3", { payload: { text: "<img src=x onerror=alert(1)>", ownerId: null } }), write("w4", { status: "FAILED", lastError: "HubSpot had a server error" })] }),
    );
    expect(entries[0]!.html).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    expect(entries[0]!.write).toMatchObject({ status: "PENDING", canRetry: false });
    expect(entries[1]!.write).toMatchObject({ status: "FAILED", canRetry: true, lastError: "HubSpot had a server error" });
  });

  it("sanitizes what HubSpot holds", () => {
    const [entry] = buildTimeline(input({ messages: [message("x", { richText: '<p onclick="x()">Hi<script>alert(1)</script><img src="https://t.example/p.gif"></p>' })] }));
    expect(entry!.html).not.toMatch(/<script|onclick|<img/);
    expect(entry!.html).toContain("[image: open]");
  });
});
