import type { z } from "zod";
import type { QueueOptions } from "pg-boss";

export interface JobContext {
  /** This worker process, as recorded in worker_heartbeats. */
  instanceId: string;
}

/** A kind of background job: its queue, the payload it accepts and an idempotent handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  queue?: QueueOptions;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
