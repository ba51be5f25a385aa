import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiError, startTestSimulator, type TestSimulator } from "./test-support";

// CRM objects, pipelines, owners and associations through the official client.

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.fake.stop());

describe("tickets list", () => {
  it("pages through every ticket in id order, with associations", async () => {
    const ids: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await sim.client.crm.tickets.basicApi.getPage(100, after, ["subject", "hs_pipeline_stage", "closed_date"], undefined, ["contacts", "companies"]);
      pages++;
      for (const t of page.results) {
        ids.push(t.id);
        expect(Object.keys(t.properties).sort()).toEqual(["closed_date", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_pipeline_stage", "subject"]);
        for (const value of Object.values(t.properties)) expect(value === null || typeof value === "string").toBe(true);
        expect(t.associations?.contacts?.results).toEqual([{ id: expect.any(String), type: "ticket_to_contact" }]);
      }
      after = page.paging?.next?.after;
    } while (after);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(ids);
  });

  it("reports the primary company both as primary and unlabeled, as HubSpot does", async () => {
    const page = await sim.client.crm.tickets.basicApi.getPage(100, undefined, undefined, undefined, ["companies"]);
    const withCompany = page.results.find((t) => t.associations?.companies);
    expect(withCompany?.associations?.companies?.results.map((r) => r.type).sort()).toEqual(["ticket_to_company", "ticket_to_company_unlabeled"]);
  });

  it("accepts the comma form of list parameters and returns defaults when no properties are named", async () => {
    const comma = await (await sim.api("/crm/v3/objects/tickets?limit=1&properties=subject,source_type&associations=contacts,companies")).json();
    expect(Object.keys(comma.results[0].properties)).toEqual(expect.arrayContaining(["subject", "source_type"]));
    expect(comma.results[0].associations.contacts).toBeDefined();
    const defaults = await sim.client.crm.tickets.basicApi.getPage(1);
    expect(Object.keys(defaults.results[0]!.properties).sort()).toEqual([
      "content", "createdate", "hs_lastmodifieddate", "hs_object_id", "hs_pipeline", "hs_pipeline_stage", "hs_ticket_category", "hs_ticket_priority", "subject",
    ]);
  });

  it("refuses a page larger than 100 and a missing token", async () => {
    expect((await sim.api("/crm/v3/objects/tickets?limit=101")).status).toBe(400);
    const res = await sim.api("/crm/v3/objects/tickets", { token: null });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: "error", category: "INVALID_AUTHENTICATION", correlationId: expect.any(String) });
    expect((await sim.api("/crm/v3/objects/tickets", { token: "wrong" })).status).toBe(401);
  });
});

describe("single tickets", () => {
  it("gets a ticket and answers 404 with HubSpot's body for an unknown id", async () => {
    const first = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!;
    const got = await sim.client.crm.tickets.basicApi.getById(first.id, ["subject", "hs_conversations_originating_thread_id"]);
    expect(got.properties.subject).toBe(first.properties.subject);
    const res = await sim.api("/crm/v3/objects/tickets/999");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: "error", message: "resource not found", category: "OBJECT_NOT_FOUND", correlationId: expect.any(String) });
    const err = await sim.client.crm.tickets.basicApi.getById("999").catch(apiError);
    expect(err).toMatchObject({ code: 404 });
  });

  it("batch-reads tickets, reporting missing ids with a 207", async () => {
    const page = await sim.client.crm.tickets.basicApi.getPage(3);
    const ids = page.results.map((t) => t.id);
    const ok = await sim.client.crm.tickets.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ["subject"], propertiesWithHistory: [] });
    expect(ok.status).toBe("COMPLETE");
    expect(ok.results.map((r) => r.id).sort()).toEqual([...ids].sort());
    const res = await sim.api("/crm/v3/objects/tickets/batch/read", { method: "POST", body: { inputs: [{ id: ids[0] }, { id: "123" }], properties: [] } });
    expect(res.status).toBe(207);
    const body = await res.json();
    expect(body.results).toHaveLength(1);
    expect(body.numErrors).toBe(1);
    expect(body.errors[0]).toMatchObject({ status: "error", category: "OBJECT_NOT_FOUND", context: { ids: ["123"] } });
    const tooMany = await sim.api("/crm/v3/objects/tickets/batch/read", { method: "POST", body: { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })) } });
    expect(tooMany.status).toBe(400);
  });

  it("updates properties, bumps hs_lastmodifieddate and closes with a closed_date", async () => {
    const open = await sim.client.crm.tickets.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: "hs_pipeline_stage", operator: "EQ" as never, value: "1" }] }],
      properties: ["hs_lastmodifieddate", "closed_date"],
      limit: 1,
    } as never);
    const ticket = open.results[0]!;
    const updated = await sim.client.crm.tickets.basicApi.update(ticket.id, { properties: { hs_pipeline_stage: "4", hs_ticket_priority: "HIGH" } });
    expect(updated.properties.hs_pipeline_stage).toBe("4");
    expect(Date.parse(updated.properties.hs_lastmodifieddate!)).toBeGreaterThan(Date.parse(ticket.properties.hs_lastmodifieddate!));
    expect(updated.properties.closed_date).toBeTruthy();
    const log = await sim.control.ticketUpdates(ticket.id);
    expect(log.at(-1)).toMatchObject({ action: "update", id: ticket.id, changed: expect.arrayContaining(["hs_pipeline_stage", "hs_ticket_priority", "closed_date"]) });
  });

  it("rejects unknown, read-only and invalid values with VALIDATION_ERROR", async () => {
    const id = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!.id;
    for (const properties of [{ no_such_property: "x" }, { hs_lastmodifieddate: "2025-01-01T00:00:00Z" }, { hs_ticket_priority: "SOON" }, { hs_pipeline_stage: "99" }, { hubspot_owner_id: "1" }]) {
      const res = await sim.api(`/crm/v3/objects/tickets/${id}`, { method: "PATCH", body: { properties } });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body).toMatchObject({ status: "error", category: "VALIDATION_ERROR" });
      expect(body.message).toMatch(/^Property values were not valid: \[/);
    }
  });

  it("creates a ticket with associations, archives it and lists it as archived", async () => {
    const contact = (await sim.client.crm.contacts.basicApi.getPage(1)).results[0]!;
    const created = await sim.client.crm.tickets.basicApi.create({
      properties: { subject: "Created by the app", hs_pipeline_stage: "1", hs_ticket_priority: "LOW" },
      associations: [{ to: { id: contact.id }, types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: 16 }] }],
    });
    expect(created.properties).toMatchObject({ subject: "Created by the app", hs_pipeline: "0", hs_object_source: "INTEGRATION" });
    const assoc = await sim.client.crm.associations.v4.basicApi.getPage("tickets", created.id, "contacts");
    expect(assoc.results.map((r) => String(r.toObjectId))).toEqual([contact.id]);

    await sim.client.crm.tickets.basicApi.archive(created.id);
    expect((await sim.api(`/crm/v3/objects/tickets/${created.id}`)).status).toBe(404);
    const archived = await sim.client.crm.tickets.basicApi.getPage(100, undefined, undefined, undefined, undefined, true);
    expect(archived.results.map((t) => t.id)).toContain(created.id);
    expect(archived.results.every((t) => t.archived)).toBe(true);

    const missing = await sim.api("/crm/v3/objects/tickets", { method: "POST", body: { properties: { subject: "no stage" } } });
    expect(missing.status).toBe(400);
  });

  it("merges two tickets: the merged id answers with the primary", async () => {
    const [a, b] = (await sim.client.crm.tickets.basicApi.getPage(2, "4200000100")).results;
    const merged = await sim.client.crm.tickets.basicApi.merge({ primaryObjectId: a!.id, objectIdToMerge: b!.id });
    expect(merged.id).toBe(a!.id);
    expect((await sim.client.crm.tickets.basicApi.getById(b!.id)).id).toBe(a!.id);
  });
});

describe("pipelines and owners", () => {
  it("serves the default support pipeline with ticket states, and a second pipeline", async () => {
    const { results } = await sim.client.crm.pipelines.pipelinesApi.getAll("tickets");
    const main = results.find((p) => p.id === "0")!;
    expect(main.stages.map((s) => [s.id, s.label, s.metadata?.ticketState])).toEqual([
      ["1", "New", "OPEN"],
      ["2", "Waiting on contact", "OPEN"],
      ["3", "Waiting on us", "OPEN"],
      ["4", "Closed", "CLOSED"],
    ]);
    expect(results).toHaveLength(2);
  });

  it("pages owners of the FlowForge team", async () => {
    const first = await sim.client.crm.owners.ownersApi.getPage(undefined, undefined, 4);
    expect(first.results).toHaveLength(4);
    const second = await sim.client.crm.owners.ownersApi.getPage(undefined, first.paging!.next!.after, 4);
    const all = [...first.results, ...second.results];
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(all.every((o) => o.email?.endsWith("@flowforge.com") && typeof o.userId === "number")).toBe(true);
    const byUser = await sim.client.crm.owners.ownersApi.getById(all[0]!.userId!, "userId");
    expect(byUser.id).toBe(all[0]!.id);
  });
});

describe("contacts, companies and associations", () => {
  it("serves companies with a support tier and contacts at their domains", async () => {
    const companies = await sim.client.crm.companies.basicApi.getPage(100, undefined, ["name", "domain", "support_tier"]);
    const tiers = new Set(companies.results.map((c) => c.properties.support_tier));
    expect(tiers).toEqual(new Set(["managed", "enterprise", "community", null]));
    const company = companies.results[0]!;
    const contacts = await sim.client.crm.associations.v4.basicApi.getPage("companies", company.id, "contacts");
    const ids = contacts.results.map((r) => String(r.toObjectId));
    const read = await sim.client.crm.contacts.batchApi.read({ inputs: ids.map((id) => ({ id })), properties: ["email"], propertiesWithHistory: [] });
    for (const c of read.results) expect(c.properties.email).toMatch(new RegExp(`@${company.properties.domain!.replace(/\./g, "\\.")}$`));
  });

  it("answers v4 associations with HubSpot's type ids", async () => {
    const ticket = (await sim.client.crm.tickets.basicApi.getPage(50, undefined, undefined, undefined, ["companies"])).results.find((t) => t.associations?.companies)!;
    const companies = await sim.client.crm.associations.v4.basicApi.getPage("tickets", ticket.id, "companies");
    expect(companies.results[0]!.associationTypes).toEqual([
      { category: "HUBSPOT_DEFINED", typeId: 26, label: "Primary" },
      { category: "HUBSPOT_DEFINED", typeId: 339, label: null },
    ]);
    const batch = await sim.client.crm.associations.v4.batchApi.getPage("tickets", "contacts", { inputs: [{ id: ticket.id }] });
    expect(batch.results[0]!.to[0]!.associationTypes[0]!.typeId).toBe(16);
    const back = await sim.client.crm.associations.v4.basicApi.getPage("contacts", String(batch.results[0]!.to[0]!.toObjectId), "tickets");
    expect(back.results.map((r) => String(r.toObjectId))).toContain(ticket.id);
    expect((await sim.api("/crm/v4/objects/tickets/1/associations/contacts")).status).toBe(404);
  });
});
