import type { QueueSettings } from "@/lib/jobs/definition";

// The HubSpot sync queues, apart from their handlers so that the web app can queue jobs without
// loading the sync engine. "stately": at most one job waiting and one running per queue, so a
// burst of webhooks or clicks on Resync queues one run, not hundreds.

export const HUBSPOT_QUEUES = {
  backfill: {
    name: "hubspot-backfill",
    // Chunks of a few minutes; a worker that dies stops heart-beating and its chunk is retried.
    settings: { policy: "stately", retryLimit: 20, retryDelay: 15, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 900, heartbeatSeconds: 30 },
  },
  reconcile: {
    name: "hubspot-reconcile",
    settings: { policy: "stately", retryLimit: 2, retryDelay: 10, expireInSeconds: 900, heartbeatSeconds: 30, deleteAfterSeconds: 3600 },
  },
  applyWebhooks: {
    name: "hubspot-apply-webhooks",
    settings: { policy: "stately", retryLimit: 20, retryDelay: 5, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 600, heartbeatSeconds: 30, deleteAfterSeconds: 3600 },
  },
  fetchThread: {
    name: "hubspot-fetch-thread",
    settings: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300, deleteAfterSeconds: 3600 },
  },
  fetchNotes: {
    name: "hubspot-fetch-notes",
    settings: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300, deleteAfterSeconds: 3600 },
  },
  // Notes, replies and ticket changes (lib/outbox). The handler gives up after its own attempt
  // limit, below pg-boss's, so that every intent ends SENT or FAILED, never stuck in between.
  write: {
    name: "hubspot-write",
    settings: { retryLimit: 12, retryDelay: 5, retryBackoff: true, retryDelayMax: 120, expireInSeconds: 600, deleteAfterSeconds: 7 * 86_400 },
  },
} as const satisfies Record<string, { name: string; settings: QueueSettings }>;
