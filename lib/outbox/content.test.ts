import { describe, expect, it } from "vitest";
import type { HubSpotMessage } from "@/lib/integrations/hubspot/schema";
import { findDeliveredReply, noteBody, noteHasRef, replyRichText, textToHtml, writeRef } from "./content";

describe("textToHtml", () => {
  it("escapes, keeps paragraphs and line breaks, and links URLs without their trailing punctuation", () => {
    expect(textToHtml("Hi <b>Jane</b> & co,\n\nSee https://flowfuse.com/docs/?a=1&b=2.\nThanks")).toBe(
      '<p>Hi &lt;b&gt;Jane&lt;/b&gt; &amp; co,</p><p>See <a href="https://flowfuse.com/docs/?a=1&amp;b=2">https://flowfuse.com/docs/?a=1&amp;b=2</a>.<br>Thanks</p>',
    );
  });

  it("cannot be broken out of an attribute", () => {
    expect(textToHtml('https://x.io/"onmouseover="alert(1)')).not.toContain('"onmouseover');
  });
});

describe("references", () => {
  const ref = writeRef("3F2A9C1D-7E4B-4C11-9D2E-000000000000");

  it("are short and stable", () => {
    expect(ref).toBe("sd-3f2a9c1d7e4b");
  });

  it("sit in a note's footer with its author", () => {
    const body = noteBody("Checked the logs", "Ada <Admin>", ref);
    expect(body).toContain("Ada &lt;Admin&gt;");
    expect(noteHasRef(body, ref)).toBe(true);
    expect(noteHasRef(body, writeRef("00000000-0000-4000-8000-000000000000"))).toBe(false);
  });
});

describe("findDeliveredReply", () => {
  const ref = "sd-aaaaaaaaaaaa";
  const message = (id: string, over: Partial<HubSpotMessage> = {}): HubSpotMessage => ({
    id,
    type: "MESSAGE",
    direction: "OUTGOING",
    createdAt: "2026-11-24T10:00:00Z",
    senders: [{ actorId: "A-1" }],
    recipients: [],
    text: "Thanks,  looking into it.",
    ...over,
  });
  const find = (messages: HubSpotMessage[], claimed: string[] = []) =>
    findDeliveredReply(messages, { ref, text: "Thanks, looking into it.", senderActorId: "A-1", claimedIds: new Set(claimed) })?.id;

  it("finds the message carrying the reference first", () => {
    expect(find([message("plain"), message("tagged", { richText: replyRichText("x", ref), text: "edited by HubSpot" })])).toBe("tagged");
  });

  it("falls back to sender and text, ignoring whitespace", () => {
    expect(find([message("m1")])).toBe("m1");
  });

  it("ignores incoming messages, comments, other senders and messages other writes became", () => {
    expect(find([message("in", { direction: "INCOMING" }), message("c", { type: "COMMENT" }), message("other", { senders: [{ actorId: "A-2" }] })])).toBeUndefined();
    expect(find([message("m1")], ["m1"])).toBeUndefined();
  });
});
