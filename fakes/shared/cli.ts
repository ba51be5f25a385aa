// What every simulator's command line shares: settings from the environment, exactly one
// "<name>: ready <url>" line on stdout, and a clean stop on SIGINT/SIGTERM.

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** An optional string setting: unset and empty are the same. */
export function stringEnv(name: string): string | undefined {
  const raw = process.env[name];
  return raw === undefined || raw === "" ? undefined : raw;
}

export function runFake(name: string, start: () => Promise<{ url: string; stop(): Promise<void> }>): void {
  start().then(
    (fake) => {
      console.log(`${name}: ready ${fake.url}`);
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        fake.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(`${name}: stop failed`, err);
            process.exit(1);
          },
        );
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (err: unknown) => {
      console.error(`${name}:`, err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
