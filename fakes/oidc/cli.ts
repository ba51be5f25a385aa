// Runs the demo identity provider as its own process: `npx tsx fakes/oidc/cli.ts`.
// The start script waits for the `oidc: ready <issuer>` line on stdout.
import { z } from "zod";
import { startOidcProvider } from "./server";

const settings = z
  .object({
    OIDC_DEMO_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    OIDC_DEMO_CLIENT_ID: z.string({ error: "is required" }).min(1, "is required"),
    OIDC_DEMO_CLIENT_SECRET: z.string({ error: "is required" }).min(1, "is required"),
    OIDC_DEMO_REDIRECT_URIS: z
      .string({ error: "is required (comma-separated)" })
      .transform((value) => value.split(",").map((uri) => uri.trim()).filter(Boolean))
      .pipe(z.array(z.url()).min(1, "must name at least one redirect URI")),
  })
  .safeParse(process.env);

if (!settings.success) {
  for (const issue of settings.error.issues) console.error(`oidc: ${issue.path.join(".")} ${issue.message}`);
  process.exit(1);
}

const provider = await startOidcProvider({
  port: settings.data.OIDC_DEMO_PORT,
  clientId: settings.data.OIDC_DEMO_CLIENT_ID,
  clientSecret: settings.data.OIDC_DEMO_CLIENT_SECRET,
  redirectUris: settings.data.OIDC_DEMO_REDIRECT_URIS,
});
console.log(`oidc: ready ${provider.issuer}`);

// A process-group kill can deliver a signal twice (directly and relayed by tsx): stop once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    provider.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("oidc: stop failed", error);
        process.exit(1);
      },
    );
  });
}
