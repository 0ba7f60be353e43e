import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { launchServerProcess } from "@/test/support/launch-server-process";

export interface TestServer {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts the real server (server.ts, production build) on a free port. */
export async function startTestServer({
  databaseUrl,
  env = {},
}: {
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<TestServer> {
  // The same bundle `npm start` runs (built by the global setup).
  const server = await launchServerProcess({
    args: [path.join(".next", "webhook-echo", "server.mjs")],
    databaseUrl,
    env: {
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
  });
  const child = server.process;
  return {
    baseUrl: `http://127.0.0.1:${server.port}`,
    port: server.port,
    process: child,
    output: server.output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return server.exited;
    },
  };
}
