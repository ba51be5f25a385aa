import { mkdirSync } from "node:fs";
import path from "node:path";
import type { WriteStream } from "node:fs";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrate";
import { parseEnv, EnvError } from "../../lib/env";
import { ensureBuild } from "./build";
import { killLeftovers, recordServices } from "./leftovers";
import { persistedSecret } from "./secrets";
import { startService, type Service } from "./service";

export const DEMO_CLIENT_ID = "support-desk-demo";

export interface StackOptions {
  root: string;
  /** Where the embedded Postgres, secrets and logs live. */
  dataDir: string;
  mode: "production" | "dev";
  /** The user's environment: settings given here win over every default. */
  env: NodeJS.ProcessEnv;
  /**
   * hubspot: the HubSpot simulator, run when no HUBSPOT_ACCESS_TOKEN is given (default 3002);
   * slack: the Slack simulator, run when no SLACK_BOT_TOKEN is given (default 3003).
   */
  ports: { web: number; idp: number; postgres: number; hubspot?: number; slack?: number };
  log: "inherit" | WriteStream;
  say: (line: string) => void;
}

export interface Stack {
  url: string;
  env: NodeJS.ProcessEnv;
  demoSignIn: boolean;
  /** The HubSpot simulator's URL (its control API is under /_control/) when it runs. */
  hubspotSimulatorUrl?: string;
  /** The Slack simulator's URL (the channel's page; control API under /_control/) when it runs. */
  slackSimulatorUrl?: string;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

function identityConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OIDC_ISSUER || env.GITHUB_ID || env.GOOGLE_CLIENT_ID);
}

/**
 * Starts the whole product: Postgres (embedded unless DATABASE_URL), migrations, the demo
 * identity provider when none is configured, the web app and the worker. `npm start` and the
 * end-to-end tests share this, so the tests run what a newcomer runs.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { root, dataDir, ports, say } = options;
  mkdirSync(dataDir, { recursive: true });
  killLeftovers(dataDir, root);
  const base = options.env;
  const demoSignIn = !identityConfigured(base);
  if (demoSignIn && base.HUBSPOT_ACCESS_TOKEN) {
    throw new EnvError([
      "HUBSPOT_ACCESS_TOKEN is set but no identity provider is: configure OIDC_*, GITHUB_* or GOOGLE_* so real customer data is never behind the demo sign-in",
    ]);
  }
  const nextAuthUrl = base.NEXTAUTH_URL ?? `http://localhost:${ports.web}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...base,
    NODE_ENV: options.mode === "dev" ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(ports.web),
    NEXTAUTH_URL: nextAuthUrl,
    NEXTAUTH_SECRET: base.NEXTAUTH_SECRET ?? persistedSecret(dataDir, "nextauth"),
  };
  if (demoSignIn) {
    Object.assign(appEnv, {
      DEMO_IDENTITY_PROVIDER: "true",
      OIDC_ISSUER: `http://127.0.0.1:${ports.idp}`,
      OIDC_CLIENT_ID: DEMO_CLIENT_ID,
      OIDC_CLIENT_SECRET: persistedSecret(dataDir, "demo-oidc-client"),
      ADMIN_EMAILS: base.ADMIN_EMAILS ?? "ada@flowforge.com",
    });
  }
  // Without HubSpot credentials the product runs against the local simulator, with demo data
  // and signed webhooks to this app, so that it works (and is tested) end to end.
  const hubspotSimulator = !base.HUBSPOT_ACCESS_TOKEN;
  const hubspotPort = ports.hubspot ?? 3002;
  if (hubspotSimulator) {
    Object.assign(appEnv, {
      HUBSPOT_SIMULATOR: "true",
      HUBSPOT_BASE_URL: `http://127.0.0.1:${hubspotPort}`,
      HUBSPOT_ACCESS_TOKEN: persistedSecret(dataDir, "hubspot-simulator-token"),
      HUBSPOT_CLIENT_SECRET: persistedSecret(dataDir, "hubspot-simulator-client-secret"),
    });
  }
  // Likewise Slack: a simulated workspace with #support-tickets, whose page shows what the app posts,
  // sending its signed events and interactions to this app.
  const slackSimulator = !base.SLACK_BOT_TOKEN;
  const slackPort = ports.slack ?? 3003;
  if (slackSimulator) {
    Object.assign(appEnv, {
      SLACK_SIMULATOR: "true",
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
      SLACK_BOT_TOKEN: `xoxb-${persistedSecret(dataDir, "slack-simulator-token")}`,
      SLACK_SIGNING_SECRET: persistedSecret(dataDir, "slack-simulator-signing-secret"),
    });
  }
  // Fail on bad settings before anything starts.
  parseEnv({ ...appEnv, DATABASE_URL: appEnv.DATABASE_URL ?? "postgres://placeholder@127.0.0.1/placeholder" });

  const services: Service[] = [];
  let postgres: { stop(): Promise<void> } | undefined;
  const stopAll = async () => {
    await Promise.all(services.splice(0).reverse().map((service) => service.stop()));
    await postgres?.stop();
    postgres = undefined;
  };

  try {
    if (!appEnv.DATABASE_URL) {
      say(`starting the embedded Postgres (data in ${path.relative(root, path.join(dataDir, "postgres")) || dataDir})…`);
      const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: ports.postgres, persistent: true });
      postgres = embedded;
      appEnv.DATABASE_URL = embedded.url;
    }
    const { applied } = await applyMigrations(appEnv.DATABASE_URL);
    say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

    const track = (service: Service) => {
      services.push(service);
      recordServices(dataDir, services.map((item) => item.pid));
      return service;
    };
    /** One of the built-in stand-ins (fakes/<name>/cli.ts), ready once it prints "<name>: ready". */
    const startFake = async (fake: "oidc" | "hubspot" | "slack", name: string, env: Record<string, string | undefined>) => {
      const service = track(
        startService({
          name,
          command: process.execPath,
          args: ["--import", "tsx", `fakes/${fake}/cli.ts`],
          cwd: root,
          env: { ...appEnv, ...env },
          readyLine: new RegExp(`^${fake}: ready `),
          log: options.log,
        }),
      );
      await service.ready;
    };
    if (demoSignIn) {
      await startFake("oidc", "sign-in", {
        OIDC_DEMO_PORT: String(ports.idp),
        OIDC_DEMO_CLIENT_ID: DEMO_CLIENT_ID,
        OIDC_DEMO_CLIENT_SECRET: appEnv.OIDC_CLIENT_SECRET,
        OIDC_DEMO_REDIRECT_URIS: `${nextAuthUrl}/api/auth/callback/oidc`,
      });
    }
    if (hubspotSimulator) {
      say(`starting the HubSpot simulator on port ${hubspotPort} (no HUBSPOT_ACCESS_TOKEN given)…`);
      await startFake("hubspot", "hubspot", {
        HUBSPOT_FAKE_PORT: String(hubspotPort),
        HUBSPOT_FAKE_TICKETS: base.HUBSPOT_FAKE_TICKETS ?? "300",
        HUBSPOT_WEBHOOK_URL: `${nextAuthUrl}/api/webhooks/hubspot`,
      });
    }
    if (slackSimulator) {
      say(`starting the Slack simulator on port ${slackPort} (no SLACK_BOT_TOKEN given)…`);
      await startFake("slack", "slack", {
        SLACK_FAKE_PORT: String(slackPort),
        SLACK_EVENTS_URL: `${nextAuthUrl}/api/webhooks/slack`,
        SLACK_INTERACTIVITY_URL: `${nextAuthUrl}/api/webhooks/slack/interactions`,
      });
    }

    if (options.mode === "production") ensureBuild(root, appEnv, say);
    const web = track(
      startService({
        name: "web",
        command: path.join(root, "node_modules", ".bin", "next"),
        args: [options.mode === "dev" ? "dev" : "start", "--port", String(ports.web)],
        cwd: root,
        env: appEnv,
        readyLine: /Ready in|✓ Ready/,
        log: options.log,
      }),
    );
    let worker: Service | undefined;
    const startWorker = async () => {
      worker = track(
        startService({
          name: "worker",
          command: process.execPath,
          args: ["--import", "tsx", "worker/index.ts"],
          cwd: root,
          env: appEnv,
          readyLine: /^worker: ready /,
          log: options.log,
        }),
      );
      await worker.ready;
    };
    await Promise.all([web.ready, startWorker()]);

    return {
      url: nextAuthUrl,
      env: appEnv,
      demoSignIn,
      ...(hubspotSimulator ? { hubspotSimulatorUrl: appEnv.HUBSPOT_BASE_URL } : {}),
      ...(slackSimulator ? { slackSimulatorUrl: `http://127.0.0.1:${slackPort}` } : {}),
      startWorker,
      async stopWorker() {
        if (!worker) return;
        const stopping = worker;
        services.splice(services.indexOf(stopping), 1);
        worker = undefined;
        await stopping.stop();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
