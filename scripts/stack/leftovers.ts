import { existsSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { signalGroup } from "./service";

/**
 * After a crash of the launcher its children may still hold the ports. Their process groups
 * are written down at start; the next start ends those that still run from this project.
 */
export function killLeftovers(dataDir: string, root: string): void {
  const file = path.join(dataDir, "services.json");
  if (!existsSync(file)) return;
  const groups = JSON.parse(readFileSync(file, "utf8")) as number[];
  for (const pid of groups) {
    if (runsFrom(pid, root)) signalGroup(pid, "SIGKILL");
  }
  rmSync(file, { force: true });
}

export function recordServices(dataDir: string, pids: number[]): void {
  writeFileSync(path.join(dataDir, "services.json"), JSON.stringify(pids));
}

function runsFrom(pid: number, root: string): boolean {
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === root;
  } catch {
    return false;
  }
}
