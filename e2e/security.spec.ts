import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { distDir } from "../scripts/stack/build";
import { ADA, MAX, signInToShell } from "./fixtures/auth";

const serverDir = path.join(distDir(process.cwd(), process.env), "server");

/** Routes that authenticate by other means: sign-in itself, the public health check, signed webhooks. */
const PUBLIC_ROUTES = [/^\/api\/auth\//, /^\/api\/health$/, /^\/api\/webhooks\//];

function routeHandlers(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((key) => key.endsWith("/route"))
    .map((key) => key.replace(/\/route$/, "").replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000"))
    .filter((route) => !PUBLIC_ROUTES.some((pattern) => pattern.test(route)));
}

function serverActionIds(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(serverDir, "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, unknown>;
  };
  return Object.keys(manifest.node);
}

// CVE-2025-29927: this header once made Next skip middleware. Authorization must not depend on it.
const BYPASS = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

test("every route handler refuses a request without a session", async ({ request }) => {
  const routes = routeHandlers();
  expect(routes.length).toBeGreaterThan(0);
  for (const route of routes) {
    for (const headers of [{}, BYPASS]) {
      for (const method of ["GET", "POST", "PATCH", "DELETE"] as const) {
        const response = await request.fetch(route, { method, headers, maxRedirects: 0 });
        // 405: the handler does not exist for this method, which refuses as well.
        expect([401, 405], `${method} ${route} ${JSON.stringify(headers)}`).toContain(response.status());
      }
    }
  }
});

async function forgeAction(request: APIRequestContext, id: string, args: unknown[], headers: Record<string, string> = {}) {
  const response = await request.post("/", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test("every server action refuses a call without a session and changes nothing", async ({ browser, playwright }) => {
  // A real member to aim the forged calls at.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToShell(page, MAX);
  const me = (await (await page.request.get("/api/me")).json()).user as { id: string; role: string };
  expect(me.role).toBe("MEMBER");

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const ids = serverActionIds();
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    for (const headers of [{}, BYPASS]) {
      const result = await forgeAction(anonymous, id, [{ userId: me.id, role: "ADMIN", removed: true }], headers);
      expect(result.body, `action ${id}`).toContain("UNAUTHENTICATED");
    }
  }
  // Still a member, still allowed in.
  const after = await page.request.get("/api/me");
  expect(after.status()).toBe(200);
  expect((await after.json()).user.role).toBe("MEMBER");
  await anonymous.dispose();
  await context.close();
});

test("a member's forged admin action is refused", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInToShell(admin, ADA);
  const ada = (await (await admin.request.get("/api/me")).json()).user as { id: string };

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signInToShell(member, MAX);
  for (const id of serverActionIds()) {
    const result = await forgeAction(member.request, id, [{ userId: ada.id, role: "MEMBER", removed: true }]);
    expect(result.body, `action ${id}`).toMatch(/FORBIDDEN|INVALID_INPUT/);
  }
  expect((await (await admin.request.get("/api/me")).json()).user.role).toBe("ADMIN");
  await adminContext.close();
  await memberContext.close();
});
