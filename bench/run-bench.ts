import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { getDb, setDatabaseUrl } from "@/lib/db";
import { runMigrations } from "@/lib/database/run-migrations";
import { ensureDeliveryPartitions } from "@/lib/housekeeping/ensure-delivery-partitions";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { startEmbeddedPostgres } from "@/lib/database/start-embedded-postgres";
import { launchServerProcess } from "@/test/support/launch-server-process";
import { openSseStream } from "@/test/support/read-sse-events";
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { needsBuild, runBuild } from "../scripts/needs-build.mjs";

// `npm run bench`: our server and the reference (bench/reference-server.mjs) in one run,
// alternating, on the same PostgreSQL. Prints figures; nothing here is asserted anywhere.
const root = path.resolve(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const pinned = existsSync("/usr/bin/taskset");
// BENCH_ONLY=1a,3 runs a subset (all by default). Scenario 5 (millions of rows, minutes of
// loading, GBs of disk) runs only when named: BENCH_ONLY=5.
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const wanted = (id: string) => (!only ? id !== "5" : only.includes(id));

interface Server {
  kind: string;
  url: string;
  pid: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

async function spawnServer(
  kind: "ours" | "reference",
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Server> {
  const script =
    kind === "ours" ? ["--import", "tsx", "server.ts"] : ["bench/reference-server.mjs"];
  // Server on core 1, load generator (this process) on core 0, as in the measurements.
  const [command, args] = pinned
    ? ["taskset", ["-c", "1", process.execPath, ...script]]
    : [process.execPath, script];
  const { process: child, port } = await launchServerProcess({
    command,
    args,
    databaseUrl,
    env: {
      RATE_LIMIT_BIN_PER_MINUTE: "0",
      RATE_LIMIT_IP_PER_MINUTE: "0",
      // The cap would delete rows during the run and hide the stored-vs-answered check.
      MAX_DELIVERIES_PER_BIN: "1000000",
      ...env,
    },
  });
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function resetPeakRss(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // not supported: the peak then covers the whole process lifetime
  }
}

function peakRssMb(pid: number): number {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const jsonBody = (size: number) => {
  const base = {
    id: "550e8400-e29b-41d4-a716-446655440000",
    object: "analysis",
    status: "completed",
    transcript: { text: "" },
  };
  base.transcript.text = "x".repeat(Math.max(0, size - JSON.stringify(base).length));
  return JSON.stringify(base);
};

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  rss: number;
  rows: number;
}

async function load(
  server: Server,
  db: pg.Pool,
  options: { connections: number; body: string | Buffer; bins: number; duration: number },
): Promise<LoadResult> {
  const before = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries"))
    .rows[0]!.n;
  resetPeakRss(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: options.body,
        setupRequest: (request) => ({
          ...request,
          path: `/echo/bench-${Math.floor(Math.random() * options.bins)}`,
        }),
      },
    ],
  });
  const after = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries"))
    .rows[0]!.n;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    errors: result.non2xx + result.errors + result.timeouts,
    rss: peakRssMb(server.pid),
    rows: after - before,
  };
}

function printRuns(title: string, runs: Record<string, LoadResult[]>) {
  console.log(`\n${title}`);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary: Record<string, number> = {};
  for (const [kind, results] of Object.entries(runs)) {
    const rps = mean(results.map((r) => r.rps));
    summary[kind] = rps;
    const ok = results.reduce((n, r) => n + r.ok, 0);
    const rows = results.reduce((n, r) => n + r.rows, 0);
    console.log(
      `  ${kind.padEnd(22)} ${rps.toFixed(0).padStart(6)} req/s   p50 ${mean(results.map((r) => r.p50)).toFixed(1)} ms   p99 ${mean(results.map((r) => r.p99)).toFixed(1)} ms   ` +
        `errors ${results.reduce((n, r) => n + r.errors, 0)}   peak RSS ${Math.max(...results.map((r) => r.rss))} MB   rows ${rows} vs 2xx ${ok} ${rows >= ok ? "(every 2xx stored)" : "(MISSING ROWS)"}`,
    );
  }
  if (summary.ours && summary.reference) {
    console.log(`  ratio ours/reference: ${(summary.ours / summary.reference).toFixed(2)}`);
  }
  const [ours, reference] = [summary["ours, partitioned"], summary["reference, partitioned"]];
  if (ours && reference) {
    console.log(`  ratio on partitions: ${(ours / reference).toFixed(2)}`);
  }
}

async function createDatabase(
  serverUrl: string,
  name: string,
  migrationsDir?: string,
): Promise<string> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations({ databaseUrl: url.toString(), migrationsDir });
  return url.toString();
}

async function captureScenario(
  title: string,
  databaseUrl: string,
  db: pg.Pool,
  options: { connections: number; body: string | Buffer; bins: number; duration: number },
  variants: Array<{
    name: string;
    kind: "ours" | "reference";
    env?: Record<string, string>;
    /** Another database for this variant (scenario 5 compares two table layouts). */
    database?: { url: string; pool: pg.Pool };
  }>,
) {
  const runs: Record<string, LoadResult[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of variants) {
      const { url, pool } = variant.database ?? { url: databaseUrl, pool: db };
      const server = await spawnServer(variant.kind, url, variant.env);
      // Warm-up: JIT, pool, caches.
      await autocannon({
        url: `${server.url}/echo/warmup`,
        method: "POST",
        body: "w",
        connections: 10,
        duration: 1,
      });
      (runs[variant.name] ??= []).push(await load(server, pool, options));
      await server.stop();
      await pool.query("TRUNCATE deliveries, bins, rate_limit_counters CASCADE");
    }
  }
  printRuns(title, runs);
}

async function liveLatencyScenario(databaseUrl: string) {
  const server = await spawnServer("ours", databaseUrl);
  const stream = await openSseStream(`${server.url}/api/bins/live-bench/events`);
  await stream.waitFor((e) => e.event === "ready");
  const answered = new Map<string, number>();
  const latencies: number[] = [];
  const rate = 500;
  const seconds = Math.min(DURATION, 10);
  const arrivals = new Map<string, number>();
  const started = performance.now();
  const sends: Array<Promise<void>> = [];
  const poll = setInterval(() => {
    for (const event of stream.events.splice(0)) {
      if (event.event === "delivery" && event.id) arrivals.set(event.id, performance.now());
    }
  }, 1);
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    sends.push(
      fetch(`${server.url}/echo/live-bench`, { method: "POST", body: `live-${i}` }).then(
        async (response) => {
          const id = response.headers.get("x-delivery-id");
          await response.arrayBuffer();
          if (id) answered.set(id, performance.now());
        },
      ),
    );
  }
  await Promise.all(sends);
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(poll);
  for (const event of stream.events.splice(0)) {
    if (event.event === "delivery" && event.id) arrivals.set(event.id, performance.now());
  }
  let missing = 0;
  for (const [id, at] of answered) {
    const arrival = arrivals.get(id);
    if (arrival === undefined) missing++;
    else latencies.push(Math.max(0, arrival - at));
  }
  stream.close();
  await server.stop();
  console.log(
    `\nScenario 3: live latency, ${rate} deliveries/s for ${seconds} s, one SSE subscriber (ours only; the reference has no live view)`,
  );
  console.log(
    `  2xx answer -> event arrival   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   ` +
      `(${latencies.length} events, ${missing} answered deliveries without an event)`,
  );
}

/** Sequential GETs after a warm-up: their durations in ms, and the statuses that were not 2xx. */
async function timeGets(
  url: string,
  count = 200,
  warmUp = 20,
): Promise<{ samples: number[]; failed: number[] }> {
  const samples: number[] = [];
  const failed: number[] = [];
  for (let i = 0; i < warmUp + count; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (i < warmUp) continue;
    samples.push(performance.now() - started);
    if (!response.ok) failed.push(response.status);
  }
  return { samples, failed };
}

const p50p99 = ({ samples, failed }: { samples: number[]; failed: number[] }) =>
  `p50 ${percentile(samples, 50).toFixed(1)} ms   p99 ${percentile(samples, 99).toFixed(1)} ms` +
  (failed.length > 0 ? `   (${failed.length} answered ${[...new Set(failed)].join("/")})` : "");

const PARTITIONING_MIGRATION = "20261201060000_partition_deliveries";
const SWEEP_LOCK = 72707370;
const DAY_MS = 86_400_000;

/**
 * Scenario 5 (BENCH_ONLY=5): BENCH5_ROWS deliveries (10 million by default) over 10,000 bins,
 * one bin holding a tenth of them, spread over the last 7 days and today, loaded by
 * INSERT … SELECT generate_series inside PostgreSQL (no client round trip per row: the
 * fastest honest load), into a database of its own that is dropped at the end.
 */
async function bigTableScenario(serverUrl: string) {
  const total = Number(process.env.BENCH5_ROWS ?? 10_000_000);
  const name = `bench5_${process.pid}`;
  const flatDir = await mkdtemp(path.join(tmpdir(), "bench5-migrations-"));
  await cp(path.join(root, "prisma", "migrations"), flatDir, { recursive: true });
  await rm(path.join(flatDir, PARTITIONING_MIGRATION), { recursive: true });
  const flatUrl = await createDatabase(serverUrl, `${name}_flat`, flatDir);
  const databaseUrl = await createDatabase(serverUrl, name);
  const flat = new pg.Pool({ connectionString: flatUrl, max: 2 });
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  setDatabaseUrl(databaseUrl);
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  try {
    // Capture before and after: scenario 1a on the previous (unpartitioned) layout and on the
    // partitioned one, the four runs alternating in every round so load drift hits both alike.
    const flatDb = { url: flatUrl, pool: flat };
    await captureScenario(
      "Scenario 5 · 1a on the unpartitioned table (ours/reference) and on daily partitions (ours, partitioned/reference, partitioned)",
      databaseUrl,
      db,
      { connections: 50, body: jsonBody(2048), bins: 1, duration: DURATION },
      [
        { name: "ours", kind: "ours", database: flatDb },
        { name: "reference", kind: "reference", database: flatDb },
        { name: "ours, partitioned", kind: "ours" },
        { name: "reference, partitioned", kind: "reference" },
      ],
    );

    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const start = today - 7 * DAY_MS;
    const span = Date.now() - 60_000 - start;
    await ensureDeliveryPartitions({ now: () => new Date(), daysBehind: 7, daysAhead: 7 });
    await db.query(
      "INSERT INTO bins (id) SELECT 'b5-' || g FROM generate_series(0, 9998) g UNION ALL SELECT 'b5-big'",
    );
    const loadStarted = performance.now();
    const chunk = 500_000;
    for (let from = 0; from < total; from += chunk) {
      // Every 10th row goes to the big bin, the rest round-robin over 9,999 small bins; 1 in 97
      // carries a signature header, 1 in 89 a cached "invalid" verdict.
      await db.query(
        `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256,
           content_type, remote_address, received_at, signature, signature_version, analysis_id, analysis_status, response_status)
         SELECT (lpad(to_hex(ms), 12, '0') || '7000' || '8' || lpad(to_hex(g), 15, '0'))::uuid,
           CASE WHEN g % 10 = 0 THEN 'b5-big' ELSE 'b5-' || (g % 9999) END,
           'POST', '/webhooks/analysis', '',
           jsonb_build_array(jsonb_build_array('Content-Type', 'application/json'),
             jsonb_build_array('User-Agent', 'bench5/1.0'), jsonb_build_array('X-Request-Id', g::text))
             || CASE WHEN g % 97 = 0 THEN '[["X-CallCov-Signature","t=1,v1=abc"]]'::jsonb ELSE '[]'::jsonb END,
           body, octet_length(body), encode(sha256(body), 'hex'), 'application/json', '127.0.0.1',
           to_timestamp(ms / 1000.0),
           CASE WHEN g % 89 = 0 THEN '{"scheme":null,"status":"invalid","reason":"bench"}'::jsonb
                ELSE '{"scheme":null,"status":"missing","reason":"bench"}'::jsonb END,
           'none', 'a-' || g, 'completed', 200
         FROM generate_series($1::bigint, $2::bigint) g,
           LATERAL (SELECT $3::bigint + floor(g * $4::float8)::bigint AS ms,
             convert_to('{"id":"a-' || g || '","object":"analysis","status":"completed","transcript":{"text":"' || repeat('x', 120) || '"}}', 'UTF8') AS body) r`,
        [from, Math.min(total, from + chunk) - 1, start, span / total],
      );
    }
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // What autovacuum does to finished day partitions on a live install (statistics, and the
    // visibility map that lets counts read the index alone), done now instead of in a while.
    await db.query("VACUUM (ANALYZE) deliveries");
    const size = async () =>
      Number(
        (
          await db.query<{ bytes: string }>(
            "SELECT sum(pg_total_relation_size(inhrelid))::text AS bytes FROM pg_inherits WHERE inhparent = 'deliveries'::regclass",
          )
        ).rows[0]!.bytes,
      );
    const count = async () =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries")).rows[0]!.n;
    console.log(
      `\nScenario 5: ${total.toLocaleString("en")} deliveries over 10,000 bins (b5-big holds ${(total / 10).toLocaleString("en")}), 8 daily partitions`,
    );
    console.log(
      `  load (INSERT … SELECT generate_series)   ${loadSeconds.toFixed(0)} s (${Math.round(total / loadSeconds).toLocaleString("en")} rows/s), ${(
        (await size()) /
        2 ** 30
      ).toFixed(2)} GiB with indexes`,
    );

    // The server's first sweep would scan every bin for the cap: hold the lock while it starts.
    const lock = new pg.Client({ connectionString: databaseUrl });
    await lock.connect();
    await lock.query("SELECT pg_advisory_lock($1)", [SWEEP_LOCK]);
    const server = await spawnServer("ours", databaseUrl, { SWEEP_INTERVAL_MS: "3600000" });
    await lock.query("SELECT pg_advisory_unlock($1)", [SWEEP_LOCK]);
    await lock.end();
    try {
      const small = "b5-17";
      const api = (bin: string, query = "") =>
        `${server.url}/api/bins/${bin}/deliveries?limit=50${query}`;
      const rows: Array<[string, Awaited<ReturnType<typeof timeGets>>]> = [
        ["list (50), big bin", await timeGets(api("b5-big"))],
        ["list (50), small bin", await timeGets(api(small))],
        ["bin API (deliveryCount), big bin", await timeGets(`${server.url}/api/bins/b5-big`)],
        ["bin API (deliveryCount), small bin", await timeGets(`${server.url}/api/bins/${small}`)],
        ["render /view, big bin", await timeGets(`${server.url}/view/b5-big`, 100)],
        ["render /view, small bin", await timeGets(`${server.url}/view/${small}`, 100)],
        [
          "header filter, big bin",
          await timeGets(api("b5-big", "&header=x-callcov-signature"), 20, 2),
        ],
        ["signature filter, big bin", await timeGets(api("b5-big", "&signature=invalid"), 20, 2)],
      ];
      for (const [label, samples] of rows) console.log(`  ${label.padEnd(40)} ${p50p99(samples)}`);
    } finally {
      await server.stop();
    }

    // The count the bin API used to make (a scan of the bin's index) against the kept one,
    // and what the counts migration costs an existing install (one pass over every row).
    const timeQuery = async (sql: string, times: number) => {
      const samples: number[] = [];
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        await db.query(sql);
        samples.push(performance.now() - started);
      }
      return { samples, failed: [] };
    };
    console.log(
      `  exact count by scan, big bin (SQL)       ${p50p99(await timeQuery("SELECT count(*) FROM deliveries WHERE bin_id = 'b5-big'", 10))}`,
    );
    console.log(
      `  kept count, big bin (SQL)                ${p50p99(await timeQuery("SELECT sum(n) FROM delivery_counts WHERE bin_id = 'b5-big'", 100))}`,
    );
    const backfill = await timeQuery(
      `SELECT count(*) FROM (SELECT bin_id, webhook_echo_uuid_day(id), signature_version, conformance_schema, count(*)
       FROM deliveries GROUP BY 1, 2, 3, 4) groups`,
      1,
    );
    console.log(
      `  counts migration's pass over every row   ${(backfill.samples[0]! / 1000).toFixed(1)} s (captures wait for it)`,
    );

    // A day later: the oldest day's partition is wholly past RETENTION_DAYS=7.
    const [rowsBefore, bytesBefore] = [await count(), await size()];
    const sweepStarted = performance.now();
    const sweep = await sweepDeliveries({
      now: () => new Date(today + DAY_MS + 60_000),
      retentionDays: 7,
      maxPerBin: 1_000_000,
      activeSince: new Date(),
    });
    const sweepMs = performance.now() - sweepStarted;
    const [rowsAfter, bytesAfter] = [await count(), await size()];
    const kept = Number(
      (await db.query<{ n: string }>("SELECT coalesce(sum(n), 0)::text AS n FROM delivery_counts"))
        .rows[0]!.n,
    );
    const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
    console.log(
      `  sweep a day later                        ${sweepMs.toFixed(0)} ms: dropped ${sweep.droppedPartitions.join(", ")}, ` +
        `${sweep.expired} more rows deleted, created ${sweep.createdPartitions.join(", ") || "none"}`,
    );
    console.log(
      `  size                                     ${gib(bytesBefore)} (${rowsBefore.toLocaleString("en")} rows) -> ${gib(bytesAfter)} (${rowsAfter.toLocaleString("en")} rows; kept counts say ${kept.toLocaleString("en")})`,
    );
  } finally {
    await getDb()
      .$disconnect()
      .catch(() => {});
    await flat.end();
    await db.end();
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS "${name}_flat" WITH (FORCE)`);
    await client.end();
    await rm(flatDir, { recursive: true, force: true });
  }
}

async function viewScenario(databaseUrl: string, db: pg.Pool) {
  const count = 10_000;
  await db.query("INSERT INTO bins (id) VALUES ('view-bench') ON CONFLICT DO NOTHING");
  await db.query(
    `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, content_type, remote_address, received_at)
     SELECT (lpad(to_hex((extract(epoch from now()) * 1000)::bigint - 100000 + g), 12, '0') || '7000800000000000' || lpad(to_hex(g), 4, '0'))::uuid,
            'view-bench', 'POST', '/webhooks/analysis', '', '[["Content-Type","application/json"],["X-CallCov-Signature","abc"]]'::jsonb,
            convert_to('{"id":"a-' || g || '","object":"analysis","status":"completed"}', 'UTF8'), 60, repeat('0', 64), 'application/json', '127.0.0.1',
            now() - (100000 - g) * interval '1 millisecond'
     FROM generate_series(1, $1) g`,
    [count],
  );
  const server = await spawnServer("ours", databaseUrl, {
    MAX_DELIVERIES_PER_BIN: String(count * 2),
  });
  const { samples: view } = await timeGets(`${server.url}/view/view-bench`);
  const { samples: list } = await timeGets(`${server.url}/api/bins/view-bench/deliveries?limit=50`);
  await server.stop();
  console.log(
    `\nScenario 4: a bin holding ${count} deliveries, 200 sequential requests each (ours only)`,
  );
  console.log(
    `  render /view/<id>             p50 ${percentile(view, 50).toFixed(1)} ms   p99 ${percentile(view, 99).toFixed(1)} ms`,
  );
  console.log(
    `  GET deliveries list (50)      p50 ${percentile(list, 50).toFixed(1)} ms   p99 ${percentile(list, 99).toFixed(1)} ms`,
  );
}

async function main() {
  if (needsBuild(root) && runBuild(root) !== 0) throw new Error("next build failed");
  let serverUrl =
    process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "bench") });
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const databaseUrl = await createDatabase(serverUrl, "webhook_echo_bench");
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  console.log(
    `Webhook Echo bench: ${DURATION} s per run, ${ROUNDS} alternating rounds, servers ${pinned ? "pinned to core 1" : "not pinned"}, ` +
      `rate limits off unless stated (the reference has none).`,
  );
  try {
    const small = jsonBody(2048);
    const both = [
      { name: "ours", kind: "ours" as const },
      { name: "reference", kind: "reference" as const },
    ];
    // Every capture scenario runs against the same database for the same duration.
    const capture = (
      title: string,
      load: { connections: number; body: string | Buffer; bins: number },
      variants: Parameters<typeof captureScenario>[4] = both,
    ) => captureScenario(title, databaseUrl, db, { ...load, duration: DURATION }, variants);
    if (wanted("1a")) {
      const limitsOn = {
        RATE_LIMIT_BIN_PER_MINUTE: "100000000",
        RATE_LIMIT_IP_PER_MINUTE: "100000000",
      };
      await capture(
        "Scenario 1a: 50 connections, 2 KB JSON POST, one bin",
        { connections: 50, body: small, bins: 1 },
        [...both, { name: "ours + rate limits on", kind: "ours", env: limitsOn }],
      );
    }
    if (wanted("1b")) {
      await capture("Scenario 1b: 50 connections, 2 KB JSON POST, spread over 1,000 bins", {
        connections: 50,
        body: small,
        bins: 1000,
      });
    }
    if (wanted("2")) {
      const body = Buffer.alloc(10 * 1024 * 1024, 0x61);
      await capture("Scenario 2: 20 connections, 10 MiB bodies", {
        connections: 20,
        body,
        bins: 10,
      });
    }
    if (wanted("3")) await liveLatencyScenario(databaseUrl);
    if (wanted("4")) await viewScenario(databaseUrl, db);
    if (wanted("5")) await bigTableScenario(serverUrl);
  } finally {
    await db.end();
    await stopEmbedded?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
