import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { runMigrations } from "@/lib/database/run-migrations";
import { startEmbeddedPostgres } from "@/lib/database/start-embedded-postgres";
import { startTestServer } from "@/test/support/start-test-server";

// `npm run bench`: load POST /echo/<id> on the production server and print honest figures.
// Never asserted anywhere: tests do not depend on wall-clock time.
const root = path.resolve(import.meta.dirname, "..");
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function payload(size: number): string {
  const base = {
    id: "550e8400-e29b-41d4-a716-446655440000",
    object: "analysis",
    status: "completed",
    transcript: { text: "" },
  };
  base.transcript.text = "x".repeat(Math.max(0, size - JSON.stringify(base).length));
  return JSON.stringify(base);
}

async function main() {
  let serverUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "bench") });
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const admin = new URL(serverUrl);
  const database = `webhook_echo_bench_${Date.now()}`;
  admin.pathname = "/postgres";
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${database}"`);
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/${database}`;
  await runMigrations({ databaseUrl: databaseUrl.toString() });

  const server = await startTestServer({
    databaseUrl: databaseUrl.toString(),
    env: { LOG_LEVEL: "info" },
  });
  const body = payload(2048);
  try {
    // Warm-up so JIT and the pool are ready.
    await autocannon({
      url: `${server.baseUrl}/echo/warmup`,
      method: "POST",
      body,
      connections: 10,
      duration: 2,
      headers: { "content-type": "application/json" },
    });
    const result = await autocannon({
      url: `${server.baseUrl}/echo/bench-bin`,
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      connections: CONNECTIONS,
      duration: DURATION_S,
    });
    const pool = new pg.Pool({ connectionString: databaseUrl.toString(), max: 1 });
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = 'bench-bin'",
    );
    await pool.end();
    const ok = result["2xx"];
    console.log(
      `\nScenario 1: ${CONNECTIONS} connections, ${DURATION_S} s, 2 KB JSON POST /echo/<id> (one bin)`,
    );
    console.log(`  req/s (mean)        ${result.requests.average.toFixed(0)}`);
    console.log(`  latency p50 / p99   ${result.latency.p50} ms / ${result.latency.p99} ms`);
    console.log(
      `  2xx / non-2xx       ${ok} / ${result.non2xx}   errors ${result.errors}   timeouts ${result.timeouts}`,
    );
    console.log(`  server peak RSS     ${peakRssMb(server.process.pid!)} MB`);
    console.log(
      `  rows stored vs 2xx  ${rows[0]?.n} vs ${ok}  ${(rows[0]?.n ?? 0) >= ok ? "(every 2xx has its row)" : "(MISSING ROWS)"}`,
    );
  } finally {
    await server.stop();
    await adminClient.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await adminClient.end();
    await stopEmbedded?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
