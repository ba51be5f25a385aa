"use server";

import { revalidatePath } from "next/cache";
import { safeAction } from "@/lib/actions/safe-action";
import { resyncInput } from "@/lib/actions/sync-schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { HUBSPOT_QUEUES } from "@/lib/jobs/hubspot-queues";
import { producer } from "@/lib/jobs/producer";

/** Queues a reconciliation (or a full backfill) now; admins only. */
export const resync = safeAction({ role: "ADMIN", input: resyncInput }, async ({ mode }, { user }) => {
  if (!env().HUBSPOT_ACCESS_TOKEN) throw new AppError("CONFLICT", "HubSpot is not connected: set HUBSPOT_ACCESS_TOKEN first.");
  const boss = await producer();
  const id =
    mode === "full"
      ? await boss.send(HUBSPOT_QUEUES.backfill.name, { restart: true })
      : await boss.send(HUBSPOT_QUEUES.reconcile.name, { deletions: true });
  console.log(`sync: ${user.email} queued a ${mode === "full" ? "full backfill" : "reconciliation"}${id ? "" : " (one was already waiting)"}`);
  revalidatePath("/sync");
  // null: one is already waiting to run, which does the same.
  return { mode, alreadyQueued: id === null };
});
