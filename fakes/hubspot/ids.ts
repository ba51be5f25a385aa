// Id spaces. Generated record N of a type has id BASE + N, so ids follow index order (the list
// API pages in id order) and map back to an index in O(1). Objects created while the simulator
// runs get ids above every generated one, offset by the wall clock: a restarted simulator never
// reissues an id the app may already have stored (a note id, a webhook eventId).

export const ID_BASE = {
  tickets: 4_200_000_000,
  contacts: 100_001,
  companies: 9_800_000_000,
  notes: 60_000_000_000,
  threads: 6_100_000_000,
  users: 51_000_000,
} as const;

/** Room for the largest data set the generator is asked for. */
export const MAX_GENERATED = 50_000_000;

const EPOCH_2025 = Date.UTC(2025, 0, 1);

export function runtimeIdStart(base: number): number {
  const seconds = Math.max(0, Math.floor((Date.now() - EPOCH_2025) / 1000));
  return base + MAX_GENERATED + seconds * 1000;
}
