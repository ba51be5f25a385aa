// `npm run bench:sync -- --tickets N`: backfills N tickets from the HubSpot simulator, set to the
// Professional tier's limits (190 requests per 10 s, 5 searches a second) with 50 ms of latency
// per request, into a fresh embedded Postgres, and prints the figures. The last line:
//   sync: tickets=N seconds=S requests=R efficiency=E peak_rss_mb=M
// where E is the tickets per second achieved over the rate-limit bound for tickets with their
// properties and associations (19 requests a second × 100 tickets a page). The simulator runs as
// its own process, as HubSpot would. Measured apart, after it: deriving every ticket's tier and SLA
// fields (local work) and reading the threads of open tickets.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { systemClock } from "../../lib/clock";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { HubSpotClient } from "../../lib/integrations/hubspot/client";
import { runBackfill } from "../../lib/sync/backfill";
import { rederiveOutdated } from "../../lib/queue/rederive";
import { readTicketCounts } from "../../lib/sync/health";
import { syncOpenTicketThreads } from "../../lib/sync/threads";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { freePort } from "../free-port";
import { option } from "./options";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BURST_PER_10S = 190;
const LATENCY_MS = 50;

async function startSimulator(tickets: number, token: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "fakes/hubspot/cli.ts"], {
    cwd: root,
    env: {
      ...process.env,
      HUBSPOT_FAKE_PORT: "0",
      HUBSPOT_FAKE_TICKETS: String(tickets),
      HUBSPOT_FAKE_RATE_TIER: "professional",
      HUBSPOT_FAKE_LATENCY_MS: String(LATENCY_MS),
      HUBSPOT_ACCESS_TOKEN: token,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const ready = /^hubspot: ready (\S+)/.exec(line);
      if (ready) resolve(ready[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return { url, stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), child.kill("SIGTERM")))) };
}

async function main() {
  const tickets = option("tickets", 100_000);
  const concurrency = option("concurrency", 6);
  const say = (line: string) => console.log(`[bench] ${line}`);

  const dir = await mkdtemp(path.join(os.tmpdir(), "support-desk-bench-"));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "postgres"), port: await freePort(), persistent: false });
  const token = "bench-token";
  const simulator = await startSimulator(tickets, token);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url }) });
  try {
    await applyMigrations(postgres.url);
    say(`${tickets.toLocaleString("en-GB")} tickets; simulator at ${simulator.url} (Professional: ${BURST_PER_10S}/10 s, search 5/s, ${LATENCY_MS} ms latency); ${concurrency} ranges at once`);
    const hubspot = new HubSpotClient({ accessToken: token, baseUrl: simulator.url, burstPer10s: BURST_PER_10S });
    const deps = { db, hubspot, clock: systemClock, log: (line: string) => say(`${((performance.now() - started) / 1000).toFixed(1)} s: ${line}`) };

    // Connected before the clock starts: the figure is about HubSpot, not Postgres's first handshake.
    await db.$queryRaw`SELECT 1`;
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const started = performance.now();
    const progress = await runBackfill(deps, { concurrency });
    const seconds = (performance.now() - started) / 1000;
    const backfillStats = { ...hubspot.stats };
    if (!progress.done) throw new Error("the backfill did not complete");

    const counts = await readTicketCounts(db);
    if (counts.total !== tickets) throw new Error(`stored ${counts.total} tickets, expected ${tickets}`);
    const simulatorStats = (await (await fetch(`${simulator.url}/_control/stats`)).json()) as { rateLimited: number };
    say(`backfill: ${counts.total} tickets (${counts.open} open), ${counts.contacts} contacts, ${counts.companies} companies in ${seconds.toFixed(1)} s`);
    say(`requests: ${backfillStats.requests} (${backfillStats.searches} searches), retries ${backfillStats.retries}, 429s ${simulatorStats.rateLimited}`);

    // Local work after the backfill, apart from the figure: tier and SLA fields for every ticket
    // (the tickets-rederive job's work), then the threads of open tickets.
    const deriveStarted = performance.now();
    const derived = await rederiveOutdated(db);
    say(`tier and SLA fields derived (apart from the figure below): ${derived.derived} tickets in ${((performance.now() - deriveStarted) / 1000).toFixed(1)} s`);

    const threadsStarted = performance.now();
    const threads = await syncOpenTicketThreads(deps);
    const threadSeconds = (performance.now() - threadsStarted) / 1000;
    say(`threads of open tickets (apart from the figure below): ${threads.threads} threads, ${threads.messages} messages, ${hubspot.stats.requests - backfillStats.requests} requests, ${threadSeconds.toFixed(1)} s`);
    clearInterval(sampler);

    const efficiency = tickets / seconds / ((BURST_PER_10S / 10) * 100);
    console.log(
      `sync: tickets=${tickets} seconds=${seconds.toFixed(1)} requests=${backfillStats.requests} efficiency=${efficiency.toFixed(2)} peak_rss_mb=${Math.round(peakRss / 1024 / 1024)}`,
    );
  } finally {
    await db.$disconnect();
    await simulator.stop();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
