import type { JobDefinition } from "@/lib/jobs/definition";
import { heartbeatJob } from "@/lib/jobs/heartbeat";

/** Every job the worker runs. */
export const jobs: JobDefinition[] = [heartbeatJob];
