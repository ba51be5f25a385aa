import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { createInterface } from "node:readline";

export interface ServiceOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** A line on stdout that says the service is ready. */
  readyLine?: RegExp;
  /** Where output goes: the terminal (prefixed with the name) or a log file. */
  log: "inherit" | WriteStream;
  timeoutMs?: number;
}

export interface Service {
  name: string;
  pid: number;
  child: ChildProcess;
  ready: Promise<void>;
  /** SIGTERM to the whole process group, SIGKILL after a grace period. */
  stop(graceMs?: number): Promise<void>;
}

export function openLog(path: string): WriteStream {
  return createWriteStream(path, { flags: "a" });
}

/**
 * Starts a child in its own process group, so that stopping it also stops what it spawned
 * (`next start` runs `next-server` as a grandchild, which outlives a killed parent otherwise).
 */
export function startService(options: ServiceOptions): Service {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const write = (line: string) => {
    if (options.log === "inherit") process.stdout.write(`[${options.name}] ${line}\n`);
    else options.log.write(`[${options.name}] ${line}\n`);
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not become ready within ${(options.timeoutMs ?? 60_000) / 1000}s`)),
      options.timeoutMs ?? 60_000,
    );
    timer.unref();
    if (!options.readyLine) {
      clearTimeout(timer);
      resolve();
    }
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on("line", (line) => {
        write(line);
        if (options.readyLine?.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${signal ?? `code ${code}`}) before it was ready`));
    });
  });
  ready.catch(() => undefined);

  return {
    name: options.name,
    pid: child.pid!,
    child,
    ready,
    async stop(graceMs = 25_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid!, "SIGTERM");
      const killer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(killer);
      // Grandchildren may still be draining after the group leader exits.
      signalGroup(child.pid!, "SIGKILL");
    },
  };
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}
