import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenApiValidator } from "./openapi-validator";
import { startTestSimulator, type TestSimulator } from "./test-support";

// Every kind of answer the simulator gives, checked against HubSpot's own OpenAPI specs.

const validator = new OpenApiValidator(fileURLToPath(new URL("./openapi", import.meta.url)));

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.fake.stop());

/** Calls the API and returns the problems the validator finds (the spec path may differ, as for users). */
async function check(method: string, path: string, body?: unknown, expectedStatus?: number, specPath?: string) {
  const res = await sim.api(path, { method, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (expectedStatus !== undefined) expect(res.status, `${method} ${path}: ${text.slice(0, 300)}`).toBe(expectedStatus);
  const problems = validator.validateResponse(method, (specPath ?? path).split("?")[0]!, res.status, json);
  expect(problems, `${method} ${path} ${res.status}`).toEqual([]);
  return json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("responses conform to HubSpot's OpenAPI specs", () => {
  it("CRM objects: list, get, batch read, search, create, update, merge and errors", async () => {
    const list = await check("GET", "/crm/v3/objects/tickets?limit=5&properties=subject&properties=closed_date&associations=contacts&associations=companies", undefined, 200);
    const [a, b] = list.results.map((t: { id: string }) => t.id);
    await check("GET", `/crm/v3/objects/tickets/${a}?associations=contacts`, undefined, 200);
    await check("POST", "/crm/v3/objects/tickets/batch/read", { inputs: [{ id: a }, { id: b }], properties: ["subject"] }, 200);
    await check("POST", "/crm/v3/objects/tickets/batch/read", { inputs: [{ id: a }, { id: "1" }], properties: [] }, 207);
    await check("POST", "/crm/v3/objects/tickets/search", { filterGroups: [{ filters: [{ propertyName: "hs_pipeline_stage", operator: "EQ", value: "4" }] }], sorts: ["hs_lastmodifieddate"], limit: 3 }, 200);
    const contact = list.results[0].associations.contacts.results[0].id;
    const created = await check(
      "POST",
      "/crm/v3/objects/tickets",
      { properties: { subject: "Spec check", hs_pipeline_stage: "1" }, associations: [{ to: { id: contact }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 16 }] }] },
      201,
    );
    await check("PATCH", `/crm/v3/objects/tickets/${created.id}`, { properties: { hs_ticket_priority: "HIGH" } }, 200);
    await check("POST", "/crm/v3/objects/tickets/merge", { primaryObjectId: a, objectIdToMerge: created.id }, 200);
    await check("GET", "/crm/v3/objects/tickets/1", undefined, 404);
    await check("PATCH", `/crm/v3/objects/tickets/${a}`, { properties: { nope: "1" } }, 400);
    await check("POST", "/crm/v3/objects/tickets/search", { limit: 100, after: "9950" }, 400);
    await check("GET", "/crm/v3/objects/contacts?limit=3&properties=email", undefined, 200);
    await check("POST", "/crm/v3/objects/contacts/batch/read", { inputs: [{ id: contact }], properties: ["email"] }, 200);
    await check("GET", "/crm/v3/objects/companies?limit=3&properties=support_tier&associations=contacts", undefined, 200);
    const note = await check(
      "POST",
      "/crm/v3/objects/notes",
      { properties: { hs_timestamp: "2025-03-12T10:00:00Z", hs_note_body: "spec" }, associations: [{ to: { id: a }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 228 }] }] },
      201,
    );
    await check("GET", `/crm/v3/objects/notes/${note.id}?properties=hs_note_body`, undefined, 200);
    await check("GET", "/crm/v3/objects/notes?limit=10", undefined, 200);
  });

  it("pipelines, owners and associations", async () => {
    await check("GET", "/crm/v3/pipelines/tickets", undefined, 200);
    await check("GET", "/crm/v3/pipelines/tickets/0", undefined, 200);
    await check("GET", "/crm/v3/pipelines/tickets/0/stages", undefined, 200);
    await check("GET", "/crm/v3/owners?limit=2", undefined, 200);
    await check("GET", "/crm/v3/owners/412345001", undefined, 200);
    const ticket = (await sim.client.crm.tickets.basicApi.getPage(1)).results[0]!.id;
    await check("GET", `/crm/v4/objects/tickets/${ticket}/associations/companies`, undefined, 200);
    await check("POST", "/crm/v4/associations/tickets/contacts/batch/read", { inputs: [{ id: ticket }] }, 200);
    await check("POST", "/crm/v4/associations/tickets/notes/batch/read", { inputs: [{ id: ticket }, { id: "1" }] }, 207);
  });

  it("conversations", async () => {
    const threads = await check("GET", "/conversations/v3/conversations/threads?limit=5&association=TICKET", undefined, 200);
    const threadId = threads.results[0].id;
    await check("GET", `/conversations/v3/conversations/threads/${threadId}?association=TICKET`, undefined, 200);
    const messages = await check("GET", `/conversations/v3/conversations/threads/${threadId}/messages`, undefined, 200);
    await check("GET", `/conversations/v3/conversations/threads/${threadId}/messages/${messages.results[0].id}`, undefined, 200);
    const thread = threads.results[0];
    const customer = messages.results.find((m: { direction?: string }) => m.direction === "INCOMING");
    const recipients = customer.senders[0].deliveryIdentifier ? [{ deliveryIdentifiers: [customer.senders[0].deliveryIdentifier] }] : [];
    await check(
      "POST",
      `/conversations/v3/conversations/threads/${threadId}/messages`,
      { type: "MESSAGE", text: "Spec reply", attachments: [], senderActorId: "A-61234002", channelId: thread.originalChannelId, channelAccountId: thread.originalChannelAccountId, recipients },
      201,
    );
    await check("POST", `/conversations/v3/conversations/threads/${threadId}/messages`, { type: "COMMENT", text: "Internal", attachments: [], senderActorId: "A-61234002" }, 201);
    await check("GET", `/conversations/v3/conversations/threads/${threadId}/messages?limit=100`, undefined, 200);
    await check("GET", "/conversations/v3/conversations/channels", undefined, 200);
    await check("GET", "/conversations/v3/conversations/channel-accounts", undefined, 200);
    await check("GET", "/conversations/v3/conversations/inboxes", undefined, 200);
    await check("GET", "/conversations/v3/conversations/actors/A-61234001", undefined, 200);
    await check("GET", "/conversations/v3/conversations/threads/1", undefined, 404);
  });

  it("user provisioning", async () => {
    await check("GET", "/settings/v3/users/roles", undefined, 200);
    await check("GET", "/settings/v3/users/teams", undefined, 200);
    await check("GET", "/settings/v3/users?limit=3", undefined, 200, "/settings/users/v3");
    const user = await check("POST", "/settings/v3/users/", { email: "spec@flowforge.com", roleId: "100001", sendWelcomeEmail: false }, 201, "/settings/users/v3");
    await check("GET", `/settings/v3/users/${user.id}`, undefined, 200);
  });

  it("the validator itself catches a wrong shape", () => {
    const problems = validator.validateResponse("GET", "/crm/v3/objects/tickets", 200, {
      results: [{ id: 1, properties: { subject: 5 }, createdAt: "yesterday", archived: false, assocations: {} }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("$.results[0].id: expected a string"),
        expect.stringContaining("$.results[0].properties.subject: expected a string"),
        expect.stringContaining("is not a date-time"),
        expect.stringContaining('missing required "updatedAt"'),
        expect.stringContaining('"assocations" is not in the schema'),
      ]),
    );
  });
});
