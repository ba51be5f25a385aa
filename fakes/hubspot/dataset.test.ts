import { describe, expect, it } from "vitest";
import { NODE_PACKAGES } from "./data/catalogue";
import { Dataset } from "./data/dataset";
import { addBusinessMinutes, isBusinessTime, nextBusinessStart } from "./london-time";
import { TEST_ANCHOR, startTestSimulator } from "./test-support";

// The generated data set: deterministic, lazily produced, internally consistent and realistic.

const anchor = Date.parse(TEST_ANCHOR);

describe("generation", () => {
  it("produces the same data for the same seed and different data for another", () => {
    const a = new Dataset({ tickets: 500, seed: 42 }, anchor);
    const b = new Dataset({ tickets: 500, seed: 42 }, anchor);
    const c = new Dataset({ tickets: 500, seed: 43 }, anchor);
    for (const i of [0, 17, 250, 499]) {
      expect(b.ticket(i)).toEqual(a.ticket(i));
      expect(b.messages(b.ticket(i))).toEqual(a.messages(a.ticket(i)));
      expect(b.contact(i)).toEqual(a.contact(i));
      expect(b.company(i % a.companyCount)).toEqual(a.company(i % a.companyCount));
    }
    expect([0, 1, 2, 3].map((i) => c.ticket(i).properties.subject)).not.toEqual([0, 1, 2, 3].map((i) => a.ticket(i).properties.subject));
  });

  it("serves identical answers from two simulators with the same seed", async () => {
    const [one, two] = await Promise.all([startTestSimulator(), startTestSimulator()]);
    try {
      const page = async (sim: typeof one) => {
        const list = await sim.client.crm.tickets.basicApi.getPage(50, undefined, ["subject", "content", "createdate", "hs_lastmodifieddate"], undefined, ["contacts"]);
        const thread = (await sim.client.crm.tickets.basicApi.getById(list.results[10]!.id, ["hs_conversations_originating_thread_id"])).properties.hs_conversations_originating_thread_id;
        const messages = await (await sim.api(`/conversations/v3/conversations/threads/${thread}/messages`)).json();
        return { list: list.results.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() })), messages };
      };
      expect(await page(two)).toEqual(await page(one));
    } finally {
      await Promise.all([one.fake.stop(), two.fake.stop()]);
    }
  });

  it("keeps every ticket consistent: monotonic modified dates, messages before them, derived properties", () => {
    const d = new Dataset({ tickets: 2000, seed: 3 }, anchor);
    let previous = -Infinity;
    let firstRepliesInHours = 0;
    let firstReplies = 0;
    for (let i = 0; i < d.ticketCount; i++) {
      const t = d.ticket(i);
      const modified = Date.parse(t.properties.hs_lastmodifieddate!);
      expect(modified).toBe(d.modifiedAt(i));
      expect(modified).toBeGreaterThanOrEqual(previous);
      expect(modified).toBeLessThan(anchor);
      previous = modified;
      expect(Date.parse(t.properties.createdate!)).toBeLessThanOrEqual(modified);
      const messages = t.threadId === null ? [] : d.messages(t);
      for (const m of messages) expect(m.at).toBeLessThan(modified);
      const agent = messages.filter((m) => m.kind === "agent");
      expect(t.properties.hs_first_agent_message_sent_at).toBe(agent[0] ? new Date(agent[0].at).toISOString() : undefined);
      expect(t.properties.hs_last_message_sent_at).toBe(agent.at(-1) ? new Date(agent.at(-1)!.at).toISOString() : undefined);
      if (t.state === "closed") expect(t.properties.closed_date).toBe(t.properties.hs_lastmodifieddate);
      if (agent[0]) {
        firstReplies++;
        if (isBusinessTime(agent[0].at)) firstRepliesInHours++;
      }
    }
    // Team replies happen mostly in London business hours; out-of-hours ones are best effort.
    expect(firstRepliesInHours / firstReplies).toBeGreaterThan(0.8);
    expect(firstRepliesInHours).toBeLessThan(firstReplies);
  });

  it("looks like FlowForge's support desk", () => {
    const d = new Dataset({ tickets: 1000, seed: 1 }, anchor);
    const tickets = Array.from({ length: d.ticketCount }, (_, i) => d.ticket(i));
    const text = tickets.map((t) => `${t.properties.subject} ${t.properties.content}`).join("\n");
    for (const needle of ["Instance stuck in 'starting'", "Snapshots fail to deploy", "invoice", "msg.payload", "Dashboard 2.0", "self-hosted", "MQTT"]) {
      expect(text.toLowerCase()).toContain(needle.toLowerCase());
    }
    expect(NODE_PACKAGES.filter((p) => text.includes(p)).length).toBeGreaterThan(5);
    const sources = new Set(tickets.map((t) => t.properties.source_type));
    expect(sources).toEqual(new Set(["EMAIL", "CHAT", "FORM", "PHONE"]));
    expect(tickets.filter((t) => t.source === "CHAT").every((t) => t.threadId !== null)).toBe(true);
    const open = tickets.filter((t) => t.state !== "closed");
    expect(open.some((t) => t.state === "new" && !t.properties.hs_first_agent_message_sent_at)).toBe(true);
    const tiers = new Set(Array.from({ length: d.companyCount }, (_, k) => d.company(k).tier));
    expect(tiers).toEqual(new Set(["managed", "enterprise", "community", null]));
    const contact = d.contact(5);
    if (contact.companyIndex !== null) expect(contact.email.endsWith(`@${d.company(contact.companyIndex).domain}`)).toBe(true);
    const messages = tickets.filter((t) => t.threadId !== null).flatMap((t) => d.messages(t));
    expect(messages.some((m) => /onerror|<script/.test(m.richText))).toBe(true);
  });

  it("inverts ticket -> contact to list a contact's tickets without scanning", () => {
    const d = new Dataset({ tickets: 5000, seed: 9 }, anchor);
    const byContact = new Map<number, number[]>();
    for (let i = 0; i < d.ticketCount; i++) byContact.set(d.contactOfTicket(i), [...(byContact.get(d.contactOfTicket(i)) ?? []), i]);
    for (const c of [0, 1, 77, d.contactCount - 1]) expect(d.ticketsOfContact(c)).toEqual(byContact.get(c) ?? []);
  });
});

describe("London business hours", () => {
  it("follows GMT and BST and skips weekends", () => {
    // Friday 15:00 GMT + 4 business hours = Monday 11:00 (BST from 30 March 2025 = 10:00 UTC).
    expect(new Date(addBusinessMinutes(Date.parse("2025-03-28T15:00:00Z"), 240)).toISOString()).toBe("2025-03-31T10:00:00.000Z");
    // Saturday noon waits for Monday 09:00 BST.
    expect(new Date(nextBusinessStart(Date.parse("2025-03-29T12:00:00Z"))).toISOString()).toBe("2025-03-31T08:00:00.000Z");
    expect(isBusinessTime(Date.parse("2025-07-01T08:30:00Z"))).toBe(true);
    expect(isBusinessTime(Date.parse("2025-01-07T08:30:00Z"))).toBe(false);
  });
});

describe("a million tickets", () => {
  it("starts without materialising the data and answers list and date-range search at once", async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const sim = await startTestSimulator({ dataset: { tickets: 1_000_000, seed: 11 } });
    const startMs = performance.now() - started;
    try {
      const lastPage = await sim.client.crm.tickets.basicApi.getPage(100, String(4_200_000_000 + 999_950), ["subject"]);
      expect(lastPage.results).toHaveLength(50);
      expect(lastPage.paging).toBeUndefined();

      const from = Date.parse("2025-01-01T00:00:00Z");
      const window = await sim.client.crm.tickets.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: "hs_lastmodifieddate", operator: "GTE" as never, value: String(from) }] }],
        sorts: [{ propertyName: "hs_lastmodifieddate", direction: "ASCENDING" }] as never,
        properties: ["hs_lastmodifieddate"],
        limit: 200,
      } as never);
      expect(window.total).toBeGreaterThan(100_000);
      expect(Date.parse(window.results[0]!.properties.hs_lastmodifieddate!)).toBeGreaterThanOrEqual(from);

      await sim.client.crm.tickets.basicApi.update(window.results[5]!.id, { properties: { hs_ticket_priority: "URGENT" } });
      const newest = await sim.client.crm.tickets.searchApi.doSearch({ sorts: [{ propertyName: "hs_lastmodifieddate", direction: "DESCENDING" }] as never, limit: 1 } as never);
      expect(newest.total).toBe(1_000_000);
      expect(newest.results[0]!.id).toBe(window.results[5]!.id);

      const rssAfter = process.memoryUsage().rss;
      console.log(`1,000,000 tickets: started in ${startMs.toFixed(0)} ms; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, ${(rssAfter / 2 ** 20).toFixed(0)} MB after`);
      // Lazy means the data set costs next to nothing: far below the ~1 KB per ticket it would take to hold it.
      expect(rssAfter - rssBefore).toBeLessThan(300 * 2 ** 20);
    } finally {
      await sim.fake.stop();
    }
  });
});
