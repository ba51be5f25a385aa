import { PgBoss } from "pg-boss";

/** pg-boss keeps its tables in their own schema, beside (not inside) Prisma's. */
export const QUEUE_SCHEMA = "pgboss";

export function createQueue(connectionString: string, instanceName: string): PgBoss {
  return new PgBoss({ connectionString, schema: QUEUE_SCHEMA, instanceName, max: 5 });
}
