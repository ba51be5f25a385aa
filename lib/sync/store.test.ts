import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TicketRow } from "@/lib/integrations/hubspot/mappers";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { archiveTickets, storeTickets, upsertContacts, upsertTickets } from "./store";

// The forward-only rule on a real Postgres: newer copies win, older or repeated ones change nothing.

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase();
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

function ticket(id: string, modified: string, subject: string): TicketRow {
  return {
    id,
    subject,
    content: null,
    pipelineId: "0",
    stageId: "1",
    priority: null,
    category: null,
    sourceType: "EMAIL",
    ownerId: null,
    threadId: null,
    hsCreatedAt: new Date("2026-01-01T00:00:00Z"),
    hsLastModifiedAt: new Date(modified),
    closedAt: null,
    firstAgentMessageAt: null,
    lastMessageReceivedAt: null,
    lastMessageSentAt: null,
    properties: { subject, hs_lastmodifieddate: modified },
  };
}

describe("forward-only upserts", () => {
  it("lets a newer copy win and ignores older or repeated ones", async () => {
    expect(await upsertTickets(db, [ticket("1", "2026-01-02T10:00:00.000Z", "first")])).toEqual(["1"]);
    expect(await upsertTickets(db, [ticket("1", "2026-01-02T10:00:00.000Z", "same time, other text")])).toEqual([]);
    expect(await upsertTickets(db, [ticket("1", "2026-01-02T09:00:00.000Z", "older")])).toEqual([]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: "1" } })).subject).toBe("first");
    expect(await upsertTickets(db, [ticket("1", "2026-01-02T10:00:00.001Z", "newer")])).toEqual(["1"]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: "1" } })).subject).toBe("newer");
  });

  it("keeps the newest of two copies in one batch", async () => {
    await upsertTickets(db, [ticket("2", "2026-01-03T10:00:00Z", "new"), ticket("2", "2026-01-03T09:00:00Z", "old")]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: "2" } })).subject).toBe("new");
  });

  it("keeps a deleted ticket deleted against older copies, and restores it for a newer one", async () => {
    await upsertTickets(db, [ticket("3", "2026-01-04T10:00:00Z", "to delete")]);
    expect(await archiveTickets(db, ["3"], new Date("2026-01-04T11:00:00Z"))).toBe(1);
    expect(await archiveTickets(db, ["3"], new Date("2026-01-04T11:30:00Z"))).toBe(0);
    // A copy read before the deletion but written after it.
    await upsertTickets(db, [ticket("3", "2026-01-04T10:30:00Z", "stale copy")]);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: "3" } })).toMatchObject({ subject: "stale copy", archivedAt: new Date("2026-01-04T11:00:00Z") });
    // Changed after the deletion: it was restored in HubSpot.
    await upsertTickets(db, [ticket("3", "2026-01-04T12:00:00Z", "restored")]);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: "3" } })).toMatchObject({ subject: "restored", archivedAt: null });
    // A deletion older than the stored copy is not applied.
    expect(await archiveTickets(db, ["3"], new Date("2026-01-04T11:45:00Z"))).toBe(0);
  });

  it("orders associations by when they were read", async () => {
    const row = ticket("4", "2026-01-05T10:00:00Z", "with associations");
    await storeTickets(db, [{ row, associations: { contactIds: ["c1"], companies: [{ id: "k1", primary: true }] } }], new Date("2026-01-05T10:01:00Z"));
    await storeTickets(db, [{ row, associations: { contactIds: ["c0"], companies: [] } }], new Date("2026-01-05T10:00:30Z"));
    await storeTickets(db, [{ row, associations: { contactIds: ["c1", "c2"], companies: [{ id: "k1", primary: false }, { id: "k2", primary: true }] } }], new Date("2026-01-05T10:02:00Z"));
    const stored = await db.ticket.findUniqueOrThrow({ where: { id: "4" }, include: { contacts: true, companies: true } });
    expect(stored.contacts.map((link) => link.contactId).sort()).toEqual(["c1", "c2"]);
    expect(stored.companies.map((link) => [link.companyId, link.isPrimary]).sort()).toEqual([["k1", false], ["k2", true]]);

    // A later read with fewer links removes the others.
    await storeTickets(db, [{ row, associations: { contactIds: ["c2"], companies: [{ id: "k2", primary: true }] } }], new Date("2026-01-05T10:03:00Z"));
    const shrunk = await db.ticket.findUniqueOrThrow({ where: { id: "4" }, include: { contacts: true, companies: true } });
    expect(shrunk.contacts.map((link) => link.contactId)).toEqual(["c2"]);
    expect(shrunk.companies.map((link) => [link.companyId, link.isPrimary])).toEqual([["k2", true]]);
  });

  it("derives a ticket's fields on write, or marks it for the rederive job when told not to", async () => {
    const row = ticket("5", "2026-01-06T10:00:00Z", "derived");
    await storeTickets(db, [{ row, associations: { contactIds: [], companies: [] } }], new Date("2026-01-06T10:01:00Z"));
    expect((await db.ticket.findUniqueOrThrow({ where: { id: "5" } })).derivedVersion).toBeGreaterThan(0);
    const newer = ticket("5", "2026-01-06T11:00:00Z", "changed by a backfill");
    await storeTickets(db, [{ row: newer, associations: { contactIds: [], companies: [] } }], new Date("2026-01-06T11:01:00Z"), undefined, { derive: false });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: "5" } })).derivedVersion).toBe(0);
  });

  it("applies the same rule to contacts", async () => {
    const contact = (modified: string, email: string) => ({ id: "10", email, firstName: null, lastName: null, hsLastModifiedAt: new Date(modified), properties: {} });
    expect(await upsertContacts(db, [contact("2026-02-01T10:00:00Z", "a@example.com")])).toBe(1);
    expect(await upsertContacts(db, [contact("2026-02-01T09:00:00Z", "old@example.com")])).toBe(0);
    expect((await db.contact.findUniqueOrThrow({ where: { id: "10" } })).email).toBe("a@example.com");
  });
});
