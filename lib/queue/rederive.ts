import { deriveTickets } from "@/lib/queue/derive";
import { loadSlaConfig, type Db } from "@/lib/queue/load-config";

// After an admin changes rules, arrangements, holidays or SLA settings, the settings version moves
// on and every ticket derived under an older one is recomputed here, open tickets first (they are
// the ones on screen), in chunks, resumable: the version on each row is the cursor. Tickets never
// derived (version 0) are caught as well, which makes this the sync hooks' safety net.

export interface RederiveResult {
  derived: number;
  /** False when stopped (deadline or shutdown) with outdated tickets left. */
  done: boolean;
}

export async function rederiveOutdated(db: Db, options: { batchSize?: number; shouldStop?: () => boolean } = {}): Promise<RederiveResult> {
  const batchSize = options.batchSize ?? 1000;
  let derived = 0;
  for (;;) {
    if (options.shouldStop?.()) return { derived, done: false };
    const config = await loadSlaConfig(db);
    const open = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM tickets WHERE is_open AND derived_version < ${config.version} LIMIT ${batchSize}`;
    const ids = open.length > 0 ? open : await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM tickets WHERE derived_version < ${config.version} LIMIT ${batchSize}`;
    if (ids.length === 0) return { derived, done: true };
    await deriveTickets(db, ids.map((row) => row.id), config);
    derived += ids.length;
  }
}
