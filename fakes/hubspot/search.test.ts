import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock, startTestSimulator, type TestSimulator } from "./test-support";

// The search API: filters, one sort, paging, the 10,000-result cap, and the tie storm that a
// reconciliation by hs_lastmodifieddate has to get through.

type Ticket = { id: string; properties: Record<string, string | null> };
const PROPS = ["subject", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_priority", "source_type", "hs_lastmodifieddate", "createdate", "hubspot_owner_id", "closed_date"];

async function search(sim: TestSimulator, body: Record<string, unknown>) {
  const res = await sim.api("/crm/v3/objects/tickets/search", { method: "POST", body });
  return { status: res.status, body: await res.json() };
}

/** Every result of a search, following `after` (only for result sets under the cap). */
async function searchAll(sim: TestSimulator, body: Record<string, unknown>): Promise<{ total: number; results: Ticket[] }> {
  const results: Ticket[] = [];
  let after: string | undefined;
  let total = 0;
  do {
    const page = await search(sim, { ...body, limit: 200, ...(after ? { after } : {}) });
    expect(page.status).toBe(200);
    total = page.body.total;
    results.push(...page.body.results);
    after = page.body.paging?.next?.after;
  } while (after);
  return { total, results };
}

describe("search on the demo data set", () => {
  let sim: TestSimulator;
  let all: Ticket[];
  beforeAll(async () => {
    sim = await startTestSimulator();
    all = [];
    let after: string | undefined;
    do {
      const page = await sim.client.crm.tickets.basicApi.getPage(100, after, PROPS);
      all.push(...(page.results as Ticket[]));
      after = page.paging?.next?.after;
    } while (after);
  });
  afterAll(() => sim.fake.stop());

  const ms = (t: Ticket, p: string) => Date.parse(t.properties[p] ?? "");
  const cases: [string, Record<string, unknown>[], (t: Ticket) => boolean][] = [
    ["EQ", [{ propertyName: "hs_pipeline_stage", operator: "EQ", value: "1" }], (t) => t.properties.hs_pipeline_stage === "1"],
    ["NEQ", [{ propertyName: "hs_pipeline_stage", operator: "NEQ", value: "4" }], (t) => t.properties.hs_pipeline_stage !== "4"],
    ["IN", [{ propertyName: "source_type", operator: "IN", values: ["CHAT", "FORM"] }], (t) => ["CHAT", "FORM"].includes(t.properties.source_type ?? "")],
    ["NOT_IN", [{ propertyName: "hs_ticket_priority", operator: "NOT_IN", values: ["LOW"] }], (t) => t.properties.hs_ticket_priority !== "LOW"],
    ["HAS_PROPERTY", [{ propertyName: "hubspot_owner_id", operator: "HAS_PROPERTY" }], (t) => !!t.properties.hubspot_owner_id],
    ["NOT_HAS_PROPERTY", [{ propertyName: "closed_date", operator: "NOT_HAS_PROPERTY" }], (t) => !t.properties.closed_date],
    ["CONTAINS_TOKEN", [{ propertyName: "subject", operator: "CONTAINS_TOKEN", value: "instance" }], (t) => /\binstance\b/i.test(t.properties.subject ?? "")],
    ["CONTAINS_TOKEN wildcard", [{ propertyName: "subject", operator: "CONTAINS_TOKEN", value: "node-red-contrib-*" }], (t) => /node-red-contrib-/.test(t.properties.subject ?? "")],
    [
      "GT and LTE on a datetime, in ms",
      [
        { propertyName: "createdate", operator: "GT", value: String(Date.parse("2025-03-01T00:00:00Z")) },
        { propertyName: "createdate", operator: "LTE", value: "2025-03-08T00:00:00Z" },
      ],
      (t) => ms(t, "createdate") > Date.parse("2025-03-01T00:00:00Z") && ms(t, "createdate") <= Date.parse("2025-03-08T00:00:00Z"),
    ],
    [
      "BETWEEN on hs_lastmodifieddate",
      [{ propertyName: "hs_lastmodifieddate", operator: "BETWEEN", value: "2025-03-05T00:00:00Z", highValue: String(Date.parse("2025-03-06T12:00:00Z")) }],
      (t) => ms(t, "hs_lastmodifieddate") >= Date.parse("2025-03-05T00:00:00Z") && ms(t, "hs_lastmodifieddate") <= Date.parse("2025-03-06T12:00:00Z"),
    ],
    [
      "LT on hs_object_id with EQ",
      [
        { propertyName: "hs_object_id", operator: "LT", value: "4200000150" },
        { propertyName: "hs_pipeline_stage", operator: "EQ", value: "4" },
      ],
      (t) => Number(t.id) < 4200000150 && t.properties.hs_pipeline_stage === "4",
    ],
  ];

  it.each(cases)("%s matches exactly the tickets a direct check finds", async (_name, filters, expected) => {
    const found = await searchAll(sim, { filterGroups: [{ filters }], properties: PROPS, sorts: ["hs_lastmodifieddate"] });
    const want = all.filter(expected);
    expect(want.length).toBeGreaterThan(0);
    expect(found.total).toBe(want.length);
    expect(found.results.map((t) => t.id).sort()).toEqual(want.map((t) => t.id).sort());
  });

  it("ORs filter groups and sorts in both directions with ties broken by id", async () => {
    const groups = [
      { filters: [{ propertyName: "hs_pipeline_stage", operator: "EQ", value: "1" }] },
      { filters: [{ propertyName: "source_type", operator: "EQ", value: "CHAT" }] },
    ];
    const asc = await searchAll(sim, { filterGroups: groups, properties: PROPS, sorts: [{ propertyName: "hs_lastmodifieddate", direction: "ASCENDING" }] });
    const desc = await searchAll(sim, { filterGroups: groups, properties: PROPS, sorts: [{ propertyName: "hs_lastmodifieddate", direction: "DESCENDING" }] });
    expect(asc.total).toBe(all.filter((t) => t.properties.hs_pipeline_stage === "1" || t.properties.source_type === "CHAT").length);
    expect(desc.results.map((t) => t.id)).toEqual(asc.results.map((t) => t.id).reverse());
    const times = asc.results.map((t) => Date.parse(t.properties.hs_lastmodifieddate!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const byCreated = await searchAll(sim, { filterGroups: groups, properties: PROPS, sorts: [{ propertyName: "createdate", direction: "DESCENDING" }] });
    const created = byCreated.results.map((t) => Date.parse(t.properties.createdate!));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it("finds a changed ticket at its new place in hs_lastmodifieddate order", async () => {
    const oldest = all[0]!;
    await sim.client.crm.tickets.basicApi.update(oldest.id, { properties: { hs_ticket_priority: "URGENT" } });
    const newest = await search(sim, { sorts: [{ propertyName: "hs_lastmodifieddate", direction: "DESCENDING" }], limit: 1, properties: ["hs_ticket_priority"] });
    expect(newest.body.results[0]).toMatchObject({ id: oldest.id, properties: { hs_ticket_priority: "URGENT" } });
    const total = (await search(sim, { limit: 0 })).body.total;
    expect(total).toBe(300);
  });

  it("supports associations.contact filters and free-text query", async () => {
    const ticket = (await sim.client.crm.tickets.basicApi.getPage(1, undefined, undefined, undefined, ["contacts"])).results[0]!;
    const contactId = ticket.associations!.contacts!.results[0]!.id;
    const byContact = await search(sim, { filterGroups: [{ filters: [{ propertyName: "associations.contact", operator: "EQ", value: contactId }] }], limit: 100 });
    expect(byContact.body.results.map((t: Ticket) => t.id)).toContain(ticket.id);
    const text = await search(sim, { query: "snapshot", limit: 100, properties: ["subject", "content"] });
    expect(text.body.total).toBeGreaterThan(0);
    for (const t of text.body.results) expect(`${t.properties.subject} ${t.properties.content}`.toLowerCase()).toContain("snapshot");
  });

  it("rejects what HubSpot rejects", async () => {
    const bad = [
      { limit: 201 },
      { sorts: ["createdate", "subject"] },
      { filterGroups: [{ filters: [{ propertyName: "no_such", operator: "EQ", value: "1" }] }] },
      { filterGroups: [{ filters: [{ propertyName: "subject", operator: "LIKE", value: "1" }] }] },
      { filterGroups: [{ filters: [{ propertyName: "createdate", operator: "GT", value: "yesterday" }] }] },
      { filterGroups: Array.from({ length: 6 }, () => ({ filters: [{ propertyName: "subject", operator: "HAS_PROPERTY" }] })) },
    ];
    for (const body of bad) {
      const res = await search(sim, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
    }
  });

  it("sends no rate-limit headers on search", async () => {
    const limited = await startTestSimulator({ rateLimit: { burstPer10s: 100, searchPerSecond: 5 } });
    try {
      const res = await limited.api("/crm/v3/objects/tickets/search", { method: "POST", body: {} });
      expect(res.headers.get("x-hubspot-ratelimit-max")).toBeNull();
      const list = await limited.api("/crm/v3/objects/tickets?limit=1");
      expect(list.headers.get("x-hubspot-ratelimit-max")).toBe("100");
    } finally {
      await limited.fake.stop();
    }
  });
});

describe("the 10,000-result cap and a storm of equal timestamps", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ dataset: { tickets: 60_000, sameModifiedDate: { count: 25_000 } } });
  });
  afterAll(() => sim.fake.stop());

  it("pages up to 10,000 results and answers 400 beyond", async () => {
    const last = await search(sim, { limit: 200, after: "9800" });
    expect(last.status).toBe(200);
    expect(last.body.total).toBe(60_000);
    expect(last.body.paging.next.after).toBe("10000");
    const beyond = await search(sim, { limit: 200, after: "10000" });
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({ status: "error", category: "VALIDATION_ERROR", correlationId: expect.any(String) });
    const err = await sim.client.crm.tickets.searchApi.doSearch({ limit: 100, after: "9950" } as never).catch((e: { code: number }) => e);
    expect((err as { code: number }).code).toBe(400);
  });

  it("gives 25,000 tickets one hs_lastmodifieddate, and a keyset on hs_object_id walks them all once", async () => {
    const middle = await search(sim, { limit: 1, after: "0", sorts: ["hs_lastmodifieddate"], filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "EQ", value: String(4_200_000_000 + 30_000) }] }], properties: ["hs_lastmodifieddate"] });
    const shared = middle.body.results[0].properties.hs_lastmodifieddate as string;
    const equal = await search(sim, { limit: 1, filterGroups: [{ filters: [{ propertyName: "hs_lastmodifieddate", operator: "EQ", value: String(Date.parse(shared)) }] }] });
    expect(equal.body.total).toBe(25_000);

    // The reconciliation the app must do: same timestamp, then id > last seen, sorted by id.
    const seen = new Set<string>();
    let lastId = "0";
    for (;;) {
      const page = await search(sim, {
        limit: 200,
        sorts: [{ propertyName: "hs_object_id", direction: "ASCENDING" }],
        filterGroups: [{ filters: [
          { propertyName: "hs_lastmodifieddate", operator: "EQ", value: shared },
          { propertyName: "hs_object_id", operator: "GT", value: lastId },
        ] }],
      });
      if (page.body.results.length === 0) break;
      for (const t of page.body.results as Ticket[]) seen.add(t.id);
      lastId = page.body.results.at(-1).id;
    }
    expect(seen.size).toBe(25_000);
  });
});

describe("search index lag", () => {
  it("shows a write in search only once the index has caught up", async () => {
    const clock = new ManualClock();
    const sim = await startTestSimulator({ searchLagMs: 3000, now: clock.now });
    try {
      const ticket = await sim.control.createTicket({ subject: "Lagging ticket", content: "x" });
      const query = { filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "EQ", value: ticket.id }] }] };
      expect((await search(sim, query)).body.total).toBe(0);
      expect((await sim.client.crm.tickets.basicApi.getById(ticket.id)).id).toBe(ticket.id);
      clock.advance(3001);
      expect((await search(sim, query)).body.total).toBe(1);
    } finally {
      await sim.fake.stop();
    }
  });
});
