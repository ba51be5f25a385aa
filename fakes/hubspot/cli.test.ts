import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The simulator as its own process: one "ready" line, then a clean stop on SIGTERM.

describe("cli", () => {
  it("prints exactly one ready line, serves, and stops cleanly on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", cli], {
      env: { ...process.env, HUBSPOT_FAKE_PORT: "0", HUBSPOT_FAKE_TICKETS: "50", HUBSPOT_ACCESS_TOKEN: "cli-token", HUBSPOT_FAKE_RATE_TIER: "free" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        const match = /^hubspot: ready (http:\/\/\S+)\n/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
    });
    const res = await fetch(`${url}/crm/v3/objects/tickets?limit=1`, { headers: { Authorization: "Bearer cli-token" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-hubspot-ratelimit-max")).toBe("100");
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(stdout).toBe(`hubspot: ready ${url}\n`);
  });
});
