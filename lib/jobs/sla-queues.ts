import type { QueueSettings } from "@/lib/jobs/definition";

// The SLA and tier queues, apart from their handlers so that the web app can queue a recompute
// without loading them. "stately": one waiting and one running at most, so ten rule edits in a
// row queue one recompute, not ten.

export const SLA_QUEUES = {
  rederive: {
    name: "tickets-rederive",
    settings: { policy: "stately", retryLimit: 10, retryDelay: 10, retryBackoff: true, expireInSeconds: 600, heartbeatSeconds: 30, deleteAfterSeconds: 3600 },
  },
  staleTickets: {
    name: "stale-tickets",
    settings: { policy: "stately", retryLimit: 2, retryDelay: 10, expireInSeconds: 300, deleteAfterSeconds: 3600 },
  },
} as const satisfies Record<string, { name: string; settings: QueueSettings }>;
