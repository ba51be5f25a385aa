import type { z } from "zod";
import type { Queue, SendOptions } from "pg-boss";

export interface JobContext {
  /** This worker process, as recorded in worker_heartbeats. */
  instanceId: string;
  /** Aborted when the worker stops or the job's claim expires: long handlers stop at a safe point. */
  signal: AbortSignal;
  /** Queues another job (e.g. the next chunk of a long backfill). */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
}

export type QueueSettings = Omit<Queue, "name">;

/** A kind of background job: its queue, the payload it accepts and an idempotent handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  queue?: QueueSettings;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
