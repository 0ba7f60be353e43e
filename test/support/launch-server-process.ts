import { spawn, type ChildProcessByStdio } from "node:child_process";
import path from "node:path";
import type { Readable } from "node:stream";

export interface ServerProcess {
  process: ChildProcessByStdio<null, Readable, Readable>;
  port: number;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code once it exits. */
  exited: Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * Starts a server the way the test suites and the benchmark do: production mode, a free port
 * on loopback, this database, info logs (`env` last, so a caller's limits win); resolves once
 * it says where it listens, rejects if it exits or stays silent for a minute.
 */
export async function launchServerProcess({
  command = process.execPath,
  args,
  databaseUrl,
  env = {},
}: {
  command?: string;
  args: string[];
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(command, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { process: child, port, output: () => output, exited };
}
