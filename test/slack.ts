// The HubSpot and Slack simulators, a database of their own, the job queue, and the app's Slack
// routes behind a small HTTP server standing in for Next (the Slack simulator sends its signed
// events and interactions there), for the Slack integration's tests. The worker's part is run by
// hand: pull from HubSpot, sync Slack, apply events, deliver the outbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fromPrisma, PgBoss } from "pg-boss";
import { slackEventsHandler } from "../app/api/webhooks/slack/handler";
import { slackInteractionsHandler } from "../app/api/webhooks/slack/interactions/handler";
import { HubSpotControlClient } from "../fakes/hubspot/control-client";
import { SlackControlClient } from "../fakes/slack/control-client";
import { startSlackFake, type SlackFake, type SlackFakeOptions } from "../fakes/slack/server";
import type { Clock } from "../lib/clock";
import { TICKET_PROPERTIES } from "../lib/integrations/hubspot/properties";
import { SlackClient } from "../lib/integrations/slack/client";
import { HUBSPOT_QUEUES } from "../lib/jobs/hubspot-queues";
import { SLACK_QUEUES } from "../lib/jobs/slack-queues";
import { deliverWrite } from "../lib/outbox/deliver";
import { enqueueWrite } from "../lib/outbox/enqueue";
import { runBackfill } from "../lib/sync/backfill";
import { syncTicketThread } from "../lib/sync/threads";
import { storeTicketsAndAssociations } from "../lib/sync/tickets";
import { slackChannel } from "../lib/slack/channel";
import { applySlackEvents } from "../lib/slack/events";
import { handleInteraction, type InteractionDeps } from "../lib/slack/interactions";
import { postReplyOutcome } from "../lib/slack/reply-outcome";
import { syncTicketsToSlack } from "../lib/slack/ticket-threads";
import { startSyncHarness, type SyncHarness } from "./hubspot";

export const SIGNING_SECRET = "slack-test-signing-secret";
export const APP_URL = "http://support-desk.test";
export const CHANNEL = "C05SUPTIX1";

export interface SlackTestBed {
  hubspot: SyncHarness;
  hubspotControl: HubSpotControlClient;
  slack: SlackFake;
  control: SlackControlClient;
  boss: PgBoss;
  deps: InteractionDeps;
  /** Where the routes listen: events at /api/webhooks/slack, interactions at …/interactions. */
  appUrl: string;
  /** Stores HubSpot's current copy of these tickets and their conversations, as the sync jobs would. */
  pull(ticketIds: string[]): Promise<void>;
  syncSlack(): ReturnType<typeof syncTicketsToSlack>;
  applyEvents(): ReturnType<typeof applySlackEvents>;
  /** Runs the outbox's pending deliveries, then the reply confirmations queued for them. */
  deliverWrites(): Promise<number>;
  stop(): Promise<void>;
}

export interface SlackTestBedOptions {
  clock?: Clock;
  slack?: SlackFakeOptions;
  /** Tickets already in HubSpot (history), backfilled before Slack is connected. Default 3. */
  historyTickets?: number;
  /** The Slack client's cap on waiting out rate limits. */
  maxRateLimitWaitMs?: number;
}

export async function startSlackTestBed(options: SlackTestBedOptions = {}): Promise<SlackTestBed> {
  const hubspot = await startSyncHarness({ dataset: { tickets: options.historyTickets ?? 3 }, ...(options.clock ? { clock: options.clock } : {}) });
  const { db } = hubspot;
  const boss = new PgBoss({ connectionString: hubspot.database.url, schema: "pgboss", supervise: false, schedule: false, registerInstance: false });
  boss.on("error", () => undefined);
  await boss.start();
  for (const queue of [HUBSPOT_QUEUES.write, SLACK_QUEUES.events, SLACK_QUEUES.replyOutcome]) await boss.createQueue(queue.name, queue.settings);

  let handle: ((request: Request) => Promise<Response>) | null = null;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await handle!(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
    const body = await response.text();
    res.writeHead(response.status, { "Content-Type": response.headers.get("content-type") ?? "text/plain" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const slack = await startSlackFake({
    rateLimit: false,
    ...options.slack,
    app: {
      signingSecret: SIGNING_SECRET,
      eventsUrl: `${appUrl}/api/webhooks/slack`,
      interactivityUrl: `${appUrl}/api/webhooks/slack/interactions`,
      retryDelaysMs: [20, 40, 60],
      ...options.slack?.app,
    },
  });
  const clock = hubspot.deps.clock;
  const deps: InteractionDeps = {
    db,
    clock,
    slack: new SlackClient({ token: slack.botToken, apiUrl: slack.apiUrl, clock, ...(options.maxRateLimitWaitMs ? { maxRateLimitWaitMs: options.maxRateLimitWaitMs } : {}) }),
    settings: { channel: "#support-tickets", appUrl: APP_URL, hubspotTicketUrlBase: "https://app.hubspot.com/contacts/24681357/record/0-5/", teamDomains: ["flowforge.com"] },
    enqueueWrite: (intent) => enqueueWrite(db, boss, intent),
    queueReplyOutcome: async (writeId) => {
      await boss.send(SLACK_QUEUES.replyOutcome.name, { writeId }, { singletonKey: writeId });
    },
  };

  const events = slackEventsHandler({
    db,
    signingSecret: SIGNING_SECRET,
    now: Date.now,
    enqueue: (tx) => boss.send(SLACK_QUEUES.events.name, {}, { db: fromPrisma(tx) }),
  });
  const interactions = slackInteractionsHandler({ signingSecret: SIGNING_SECRET, now: Date.now, handle: (interaction) => handleInteraction(deps, interaction) });
  handle = (request) => (new URL(request.url).pathname.endsWith("/interactions") ? interactions(request) : events(request));

  // History first, then Slack is connected: the history is not news.
  await runBackfill(hubspot.deps);
  await slackChannel(deps);

  return {
    hubspot,
    hubspotControl: new HubSpotControlClient(hubspot.fake.url),
    slack,
    control: new SlackControlClient(slack.url),
    boss,
    deps,
    appUrl,
    async pull(ticketIds) {
      const { results } = await hubspot.deps.hubspot.batchRead("tickets", ticketIds, [...TICKET_PROPERTIES]);
      await storeTicketsAndAssociations(hubspot.deps, results, ticketIds);
      for (const id of ticketIds) await syncTicketThread(hubspot.deps, id);
    },
    syncSlack: () => syncTicketsToSlack(deps),
    applyEvents: () => applySlackEvents(deps),
    async deliverWrites() {
      const pending = await db.hubSpotWrite.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" } });
      for (const write of pending) await deliverWrite({ db, hubspot: hubspot.deps.hubspot, clock }, write.id);
      for (const write of pending) if (write.idempotencyKey.startsWith("slack-view:")) await postReplyOutcome(deps, write.id);
      return pending.length;
    },
    async stop() {
      await slack.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await boss.stop({ graceful: false, close: true });
      await hubspot.stop();
    },
  };
}
