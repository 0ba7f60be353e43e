import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface TestServer {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** Starts the real server (server.ts, production build) on a free port. */
export async function startTestServer({
  databaseUrl,
  env = {},
}: {
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<TestServer> {
  // The same bundle `npm start` runs (built by the global setup).
  const child = spawn(process.execPath, [path.join(".next", "webhook-echo", "server.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
      // Every suite sends from 127.0.0.1 within the same minutes, and the counters live in the
      // shared database: suites about limits set their own.
      RATE_LIMIT_CREATE_PER_MINUTE: "100000",
      RATE_LIMIT_IP_PER_MINUTE: "1000000",
      MAX_LIVE_STREAMS_PER_CLIENT: "10000",
      MAX_LIVE_STREAMS_PER_BIN: "10000",
      MAX_LIVE_STREAMS: "10000",
      EXPORT_CONCURRENCY_PER_IP: "1000",
      EXPORT_CONCURRENCY_TOTAL: "1000",
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

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
