import { it } from "vitest";
import { startSyncHarness } from "@/test/hubspot";
import { ticketRow, embeddedAssociations } from "@/lib/integrations/hubspot/mappers";
import { TICKET_PROPERTIES } from "@/lib/integrations/hubspot/properties";
import { upsertTickets, replaceTicketAssociations } from "./store";
it("timing", async () => {
  const h = await startSyncHarness({ dataset: { tickets: 3000 } });
  let after: string | undefined;
  const t = [0, 0, 0, 0];
  for (let i = 0; i < 25; i++) {
    const page = await h.deps.hubspot.listTickets({ after, properties: [...TICKET_PROPERTIES], associations: ["contacts", "companies"] });
    after = page.nextAfter;
    const rows = page.results.map((r) => ({ row: ticketRow(r), associations: embeddedAssociations(r) }));
    const a = performance.now();
    await h.db.$transaction(async (tx) => {
      const b = performance.now();
      await upsertTickets(tx, rows.map((r) => r.row));
      const c = performance.now();
      await replaceTicketAssociations(tx, new Map(rows.map((r) => [r.row.id, r.associations])), new Date());
      const d = performance.now();
      t[1]! += c - b; t[2]! += d - c; t[0]! += b - a; console.log("it", (b - a).toFixed(1), (c - b).toFixed(1), (d - c).toFixed(1));
    });
    t[3]! += performance.now() - a;
  }
  console.log("begin", t[0]! / 25, "upsert", t[1]! / 25, "assoc", t[2]! / 25, "total", t[3]! / 25);
  await h.stop();
});
