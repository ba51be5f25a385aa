// Runs the Slack simulator as its own process: `npx tsx fakes/slack/cli.ts`.
// Prints exactly one line, "slack: ready <url>", once it listens; stops on SIGINT/SIGTERM.
// Point the app's SLACK_API_URL at <url>/api/.
//
//   SLACK_FAKE_PORT          port (default 3003; 0 = any free port)
//   SLACK_FAKE_HOST          interface (default 127.0.0.1)
//   SLACK_BOT_TOKEN          the bot token the Web API accepts (default xoxb-demo-token)
//   SLACK_SIGNING_SECRET     signs events and interactions (default demo-slack-signing-secret)
//   SLACK_EVENTS_URL         where Events API requests go (none: events are dropped)
//   SLACK_INTERACTIVITY_URL  where slash commands, shortcuts and modal submissions go
//   SLACK_CHANNEL            the app's channel, created if missing (default #support-tickets)
import { intEnv, runFake, stringEnv } from "../shared/cli";
import { startSlackFake } from "./server";

runFake("slack", () => {
  const channel = stringEnv("SLACK_CHANNEL")?.replace(/^#/, "");
  return startSlackFake({
    port: intEnv("SLACK_FAKE_PORT", 3003),
    host: stringEnv("SLACK_FAKE_HOST") ?? "127.0.0.1",
    botToken: stringEnv("SLACK_BOT_TOKEN"),
    channels: channel ? [channel] : [],
    app: {
      ...(stringEnv("SLACK_SIGNING_SECRET") ? { signingSecret: stringEnv("SLACK_SIGNING_SECRET") } : {}),
      eventsUrl: stringEnv("SLACK_EVENTS_URL") ?? "",
      interactivityUrl: stringEnv("SLACK_INTERACTIVITY_URL") ?? "",
    },
  });
});
