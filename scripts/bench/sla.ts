// `npm run bench:sla`: how fast the SLA clock computes due times, and how long the queue page's
// data takes to load with 100,000 tickets in Postgres. The last line:
//   sla: due_per_s=D queue_p50_ms=A queue_p95_ms=B
// Method: a fresh embedded Postgres with the migrations; companies, contacts, owners, pipelines
// and tickets inserted directly (multi-row INSERTs), each ticket's tier and SLA fields computed
// by the same pure derivation the sync uses; ANALYZE; then the queue's loaders (loadQueue and
// loadQueueFilterOptions, as the page calls them) timed over filter and sort combinations.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { deriveTicketFields, type TicketFacts } from "../../lib/queue/derive-fields";
import { loadSlaConfig } from "../../lib/queue/load-config";
import { loadQueue, loadQueueFilterOptions } from "../../lib/queue/queue";
import { parseQueueParams, type QueueQuery } from "../../lib/queue/queue-params";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { Rng } from "../../fakes/hubspot/prng";
import { freePort } from "../free-port";
import { option } from "./options";
import { measureDuePerSecond } from "./sla-clock";

const DAY = 86_400_000;
/** Wednesday 18 March 2026, 11:00 in London: business hours, so every timer state occurs. */
export const NOW = new Date("2026-03-18T11:00:00Z");

async function insertRows(db: PrismaClient, table: string, columns: Record<string, string>, rows: object[]): Promise<void> {
  const names = Object.keys(columns);
  const spec = names.map((name) => `"${name}" ${columns[name]}`).join(", ");
  for (let start = 0; start < rows.length; start += 5000) {
    const json = JSON.stringify(rows.slice(start, start + 5000));
    await db.$executeRawUnsafe(
      `INSERT INTO ${table} (${names.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join(", ")}, updated_at)
       SELECT ${names.map((name) => `r."${name}"`).join(", ")}, now() FROM jsonb_to_recordset($1::jsonb) AS r(${spec})`,
      json,
    );
  }
}

const TIERS = [
  ["managed", 50],
  ["enterprise", 10],
  ["community", 22],
  [null, 18],
] as const;

export async function seed(db: PrismaClient, tickets: number): Promise<void> {
  const rng = new Rng(20260318);
  const next = () => rng.next();
  const pick = <T>(weighted: readonly (readonly [T, number])[]): T => {
    let roll = next() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
    return weighted.at(-1)![0];
  };
  await db.pipeline.create({
    data: {
      id: "0",
      label: "Support Pipeline",
      displayOrder: 0,
      stages: {
        create: [
          { id: "1", label: "New", displayOrder: 0, ticketState: "OPEN" },
          { id: "2", label: "Waiting on contact", displayOrder: 1, ticketState: "OPEN" },
          { id: "3", label: "Waiting on us", displayOrder: 2, ticketState: "OPEN" },
          { id: "4", label: "Closed", displayOrder: 3, ticketState: "CLOSED" },
        ],
      },
    },
  });
  const owners = Array.from({ length: 8 }, (_, index) => ({ id: String(412_345_001 + index), email: `agent${index}@flowforge.com`, firstName: `Agent`, lastName: String(index) }));
  await db.owner.createMany({ data: owners });

  const companyCount = Math.max(100, Math.round(tickets / 50));
  const contactCount = Math.max(1000, Math.round(tickets / 5));
  const companies = Array.from({ length: companyCount }, (_, index) => {
    const tier = pick(TIERS);
    return { id: String(700_000 + index), name: `Company ${index}`, domain: `company${index}.example`, hsLastModifiedAt: NOW, properties: tier ? { support_tier: tier } : {} };
  });
  await insertRows(db, "companies", { id: "text", name: "text", domain: "text", hsLastModifiedAt: "timestamptz", properties: "jsonb" }, companies);
  const contacts = Array.from({ length: contactCount }, (_, index) => ({ id: String(100_000 + index), email: `person${index}@company${index % companyCount}.example`, hsLastModifiedAt: NOW, properties: {} }));
  await insertRows(db, "contacts", { id: "text", email: "text", hsLastModifiedAt: "timestamptz", properties: "jsonb" }, contacts);

  const config = await loadSlaConfig(db);
  const rows = [];
  for (let index = 0; index < tickets; index += 1) {
    const openedAt = new Date(NOW.getTime() - Math.floor(next() * 365 * DAY));
    const age = NOW.getTime() - openedAt.getTime();
    // Recent tickets are mostly open, old ones mostly closed: about a third open in all.
    const open = next() < (age < 14 * DAY ? 0.8 : 0.3);
    const answered = next() < (open ? 0.55 : 0.95);
    const responseAt = answered ? new Date(Math.min(NOW.getTime() - 60_000, openedAt.getTime() + Math.floor(next() * 2 * DAY))) : null;
    const contact = contacts[index % contactCount]!;
    const company = next() < 0.85 ? companies[index % companyCount]! : null;
    const facts: TicketFacts = {
      openedAt,
      archived: false,
      stageState: open ? "OPEN" : "CLOSED",
      closedAt: open ? null : new Date(Math.min(NOW.getTime(), openedAt.getTime() + 3 * DAY)),
      hubspotFirstAgentMessageAt: responseAt,
      messages: [],
      contacts: [{ id: contact.id, email: contact.email }],
      companies: company ? [{ id: company.id, primary: true, name: company.name, domain: company.domain, tierValue: (company.properties as { support_tier?: string }).support_tier ?? null }] : [],
      conversationContactId: contact.id,
    };
    const derived = deriveTicketFields(facts, config);
    rows.push({
      id: String(4_200_000_000 + index),
      subject: `Ticket ${index}: instance will not start after upgrade`,
      pipelineId: "0",
      stageId: open ? String(1 + Math.floor(next() * 3)) : "4",
      ownerId: next() < 0.15 ? null : owners[Math.floor(next() * owners.length)]!.id,
      sourceType: next() < 0.9 ? "EMAIL" : "PHONE",
      hsCreatedAt: openedAt,
      hsLastModifiedAt: new Date(Math.min(NOW.getTime(), openedAt.getTime() + Math.floor(next() * 10 * DAY))),
      closedAt: facts.closedAt,
      firstAgentMessageAt: responseAt,
      properties: {},
      ...derived,
    });
  }
  await insertRows(
    db,
    "tickets",
    {
      id: "text", subject: "text", pipelineId: "text", stageId: "text", ownerId: "text", sourceType: "text", hsCreatedAt: "timestamptz",
      hsLastModifiedAt: "timestamptz", closedAt: "timestamptz", firstAgentMessageAt: "timestamptz", properties: "jsonb",
      tier: '"CustomerTier"', tierRuleId: "uuid", tierDecidedBy: '"TierDecidedBy"', tierReason: "text", customerContactId: "text", customerCompanyId: "text",
      openedAt: "timestamptz", isOpen: "boolean", slaApplies: "boolean", slaTargetMinutes: "int", slaCalendarKey: "text",
      firstResponseDueAt: "timestamptz", slaDueSoonAt: "timestamptz", slaBreachAt: "timestamptz", firstResponseAt: "timestamptz",
      firstResponseSource: '"FirstResponseSource"', firstResponseOnTime: "boolean", urgencyRank: "smallint", urgencyAt: "timestamptz",
      derivedVersion: "int",
    },
    rows,
  );
  await db.$executeRawUnsafe("ANALYZE");
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main() {
  const tickets = option("tickets", 100_000);
  const iterations = option("iterations", 50);
  const say = (line: string) => console.log(`[bench] ${line}`);

  const duePerSecond = measureDuePerSecond();
  say(`due-time computations: ${duePerSecond.toLocaleString("en-GB")} per second`);

  const dir = await mkdtemp(path.join(os.tmpdir(), "support-desk-bench-sla-"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort(), persistent: false });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url }) });
  try {
    await applyMigrations(postgres.url);
    const seeding = performance.now();
    await seed(db, tickets);
    const open = await db.ticket.count({ where: { isOpen: true } });
    say(`${tickets.toLocaleString("en-GB")} tickets (${open.toLocaleString("en-GB")} open) inserted in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    const base = parseQueueParams({});
    const owner = "412345003";
    const views: [string, QueueQuery][] = [
      ["most urgent first", base],
      ["tier Unknown", { ...base, tier: "UNKNOWN" }],
      ["tier Enterprise", { ...base, tier: "ENTERPRISE" }],
      ["breached", { ...base, sla: "breached" }],
      ["due soon", { ...base, sla: "due_soon" }],
      ["owner + running", { ...base, owner, sla: "running" }],
      ["unassigned, newest", { ...base, owner: "none", sort: "newest" }],
      ["status Waiting on us + Managed", { ...base, stage: "0:3", tier: "MANAGED" }],
      ["met, oldest first", { ...base, sla: "met", sort: "oldest" }],
      ["recently updated, 100 a page", { ...base, sort: "updated", size: 100 }],
    ];
    // A deep page: keyset paging costs the same on page 40 as on page 1.
    let deep = base;
    for (let page = 0; page < 40; page += 1) {
      const next = (await loadQueue(db, deep, NOW)).next;
      if (!next) break;
      deep = { ...deep, after: next };
    }
    views.push(["page 40, most urgent first", deep]);

    const all: number[] = [];
    for (const [label, query] of views) {
      const times: number[] = [];
      for (let run = 0; run < iterations + 3; run += 1) {
        const started = performance.now();
        const [page] = await Promise.all([loadQueue(db, query, NOW), loadQueueFilterOptions(db)]);
        const elapsed = performance.now() - started;
        if (run >= 3) times.push(elapsed);
        if (run === 0 && page.rows.length === 0 && label !== "due soon") say(`warning: "${label}" matched nothing`);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      say(`${label.padEnd(34)} p50 ${quantile(times, 0.5).toFixed(1)} ms  p95 ${quantile(times, 0.95).toFixed(1)} ms`);
    }
    all.sort((a, b) => a - b);
    console.log(`sla: due_per_s=${duePerSecond} queue_p50_ms=${quantile(all, 0.5).toFixed(1)} queue_p95_ms=${quantile(all, 0.95).toFixed(1)}`);
  } finally {
    await db.$disconnect();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
