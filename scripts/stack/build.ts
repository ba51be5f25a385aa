import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

const SOURCES = ["app", "components", "lib", "types", "public", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", "generated"]);

/** Where `next build` writes (next.config.js reads the same variable). */
export function distDir(root: string, env: NodeJS.ProcessEnv): string {
  return path.join(root, env.NEXT_DIST_DIR || ".next");
}

/** A fingerprint of everything `next build` reads, from file paths, sizes and modification times. */
function fingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    const stats = statSync(full);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(full).sort()) if (!SKIP.has(entry)) visit(path.join(relative, entry));
    } else {
      hash.update(`${relative}:${stats.size}:${stats.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(visit);
  return hash.digest("hex");
}

/** Runs `next build` unless the last build came from exactly these sources. */
export function ensureBuild(root: string, env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  const dist = distDir(root, env);
  const stamp = path.join(dist, "support-desk-sources");
  const current = fingerprint(root);
  if (existsSync(path.join(dist, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === current) {
    log("production build is up to date");
    return;
  }
  log("building the web app (next build)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stamp, current);
}
