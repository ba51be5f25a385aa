import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";

// The simulator as its own process: one "ready" line, then a clean stop on SIGTERM.

describe("cli", () => {
  it("prints exactly one ready line, serves the Web API with the configured token, and stops cleanly", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", cli], {
      env: { ...process.env, SLACK_FAKE_PORT: "0", SLACK_BOT_TOKEN: "xoxb-cli-token", SLACK_CHANNEL: "#desk-alerts" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        const match = /^slack: ready (http:\/\/\S+)\n/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const client = new WebClient("xoxb-cli-token", { slackApiUrl: `${url}/api` });
    expect((await client.auth.test()).ok).toBe(true);
    expect((await client.chat.postMessage({ channel: "#desk-alerts", text: "hello" })).ok).toBe(true);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toBe(`slack: ready ${url}\n`);
  });
});
