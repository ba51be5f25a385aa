// Values test/global-setup.ts hands to every test file through vitest's `inject`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database shared by the whole run. */
    databaseUrl: string;
    /** The cluster's `postgres` database, for creating and dropping databases. */
    adminUrl: string;
    /** A migrated database that `createTestDatabase` copies; nothing may connect to it. */
    templateDatabase: string;
  }
}
