// A HubSpot simulator, a database of its own and a sync engine wired to both, for integration tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { SCHEMAS } from "../fakes/hubspot/properties";
import { startHubSpotFake, type HubSpotFake, type HubSpotFakeOptions } from "../fakes/hubspot/server";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { Clock } from "../lib/clock";
import { systemClock } from "../lib/clock";
import { HubSpotClient } from "../lib/integrations/hubspot/client";
import type { SyncDeps } from "../lib/sync/deps";
import { createTestDatabase, type TestDatabase } from "./db";

export interface SyncHarness {
  fake: HubSpotFake;
  database: TestDatabase;
  db: PrismaClient;
  deps: SyncDeps;
  /** A second sync engine on the same database and simulator (e.g. after a "restart"). */
  newDeps(): SyncDeps;
  stop(): Promise<void>;
}

export async function startSyncHarness(
  options: HubSpotFakeOptions & { clock?: Clock; burstPer10s?: number; searchPerSecond?: number } = {},
): Promise<SyncHarness> {
  const clock = options.clock ?? systemClock;
  const fake = await startHubSpotFake({ rateLimit: false, ...options, now: () => new Date(clock.now()) });
  const database = await createTestDatabase();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  const newDeps = (): SyncDeps => ({
    db,
    clock,
    hubspot: new HubSpotClient({
      accessToken: fake.accessToken,
      baseUrl: fake.url,
      burstPer10s: options.burstPer10s ?? 190,
      ...(options.searchPerSecond ? { searchPerSecond: options.searchPerSecond } : {}),
      clock,
    }),
  });
  return {
    fake,
    database,
    db,
    deps: newDeps(),
    newDeps,
    async stop() {
      await fake.stop();
      await db.$disconnect();
      await database.drop();
    },
  };
}

/**
 * Time that passes only when someone sleeps: a minute of backoff takes no real time. Sleepers
 * still yield to the event loop, so real I/O (the simulator, Postgres) keeps going.
 */
export function virtualClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  return {
    now: () => now,
    async sleep(ms) {
      now += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance(ms) {
      now += ms;
    },
  };
}

export interface TicketSnapshot {
  id: string;
  properties: Record<string, string | null>;
  contacts: string[];
  companies: string[];
  primaryCompany: string | null;
}

/** Every live ticket as the simulator holds it, with the properties the sync keeps. */
export function simulatorTickets(fake: HubSpotFake, properties: readonly string[]): Map<string, TicketSnapshot> {
  const portal = fake.portal();
  const out = new Map<string, TicketSnapshot>();
  const { records } = portal.collections.tickets.list(0, Number.MAX_SAFE_INTEGER, false);
  for (const record of records) {
    const companies = portal.associationsOf("tickets", record.id, "companies");
    out.set(String(record.id), {
      id: String(record.id),
      properties: Object.fromEntries(properties.filter((name) => name in SCHEMAS.tickets.properties).map((name) => [name, record.properties[name] ?? null])),
      contacts: portal.associatedIds("tickets", record.id, "contacts").map(String).sort(),
      companies: companies.map((company) => String(company.toId)).sort(),
      primaryCompany: companies.find((company) => company.typeIds.includes(26)) ? String(companies.find((company) => company.typeIds.includes(26))!.toId) : null,
    });
  }
  return out;
}

/** Every live ticket as Postgres holds it, in the same shape. */
export async function databaseTickets(db: PrismaClient, properties: readonly string[]): Promise<Map<string, TicketSnapshot>> {
  const tickets = await db.ticket.findMany({ where: { archivedAt: null }, include: { contacts: true, companies: true } });
  const out = new Map<string, TicketSnapshot>();
  for (const ticket of tickets) {
    const stored = ticket.properties as Record<string, string | null>;
    out.set(ticket.id, {
      id: ticket.id,
      properties: Object.fromEntries(properties.filter((name) => name in SCHEMAS.tickets.properties).map((name) => [name, stored[name] ?? null])),
      contacts: ticket.contacts.map((link) => link.contactId).sort(),
      companies: ticket.companies.map((link) => link.companyId).sort(),
      primaryCompany: ticket.companies.find((link) => link.isPrimary)?.companyId ?? null,
    });
  }
  return out;
}

/** Referenced contacts and companies as the simulator has them, against what Postgres stored. */
export async function relatedMismatches(fake: HubSpotFake, db: PrismaClient): Promise<string[]> {
  const portal = fake.portal();
  const problems: string[] = [];
  const contacts = new Map((await db.contact.findMany()).map((contact) => [contact.id, contact]));
  const companies = new Map((await db.company.findMany()).map((company) => [company.id, company]));
  for (const link of await db.ticketContact.findMany({ distinct: ["contactId"] })) {
    const expected = portal.collections.contacts.get(Number(link.contactId))?.properties;
    const stored = contacts.get(link.contactId);
    if (!stored || (expected?.email ?? null) !== stored.email) problems.push(`contact ${link.contactId}`);
  }
  for (const link of await db.ticketCompany.findMany({ distinct: ["companyId"] })) {
    const expected = portal.collections.companies.get(Number(link.companyId))?.properties;
    const stored = companies.get(link.companyId);
    if (!stored || (expected?.name ?? null) !== stored.name || (expected?.support_tier ?? null) !== ((stored.properties as Record<string, string | null>).support_tier ?? null)) {
      problems.push(`company ${link.companyId}`);
    }
  }
  return problems;
}
