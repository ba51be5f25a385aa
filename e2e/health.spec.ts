import { expect, test } from "@playwright/test";
import { E2E_PORTS } from "../playwright.config";

const control = (action: "stop" | "start") =>
  fetch(`http://127.0.0.1:${E2E_PORTS.control}/worker/${action}`, { method: "POST" }).then((response) => {
    if (!response.ok) throw new Error(`worker ${action} failed: ${response.status}`);
  });

test("health answers without a session and follows the worker", async ({ request }) => {
  await expect
    .poll(async () => {
      const response = await request.get("/api/health");
      return { status: response.status(), body: await response.json() };
    })
    .toEqual({ status: 200, body: { status: "ok", db: "ok", migrations: "ok", worker: "ok" } });

  await control("stop");
  try {
    await expect
      .poll(async () => {
        const response = await request.get("/api/health");
        return { status: response.status(), body: await response.json() };
      })
      .toEqual({ status: 503, body: { status: "error", db: "ok", migrations: "ok", worker: "down" } });
  } finally {
    await control("start");
  }

  await expect.poll(async () => (await request.get("/api/health")).status()).toBe(200);
});
