import type { ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import pg from "pg";
import { setDatabaseUrl } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { runMigrations } from "@/lib/database/run-migrations";
import { ensureDeliveryPartitions } from "@/lib/housekeeping/ensure-delivery-partitions";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { startEmbeddedPostgres } from "@/lib/database/start-embedded-postgres";
import { launchServerProcess } from "@/test/support/launch-server-process";
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { SERVER_BUNDLE, needsBuild, runBuild } from "../scripts/needs-build.mjs";

// `npm run bench`: our server and the reference (bench/reference-server.mjs) in one run,
// alternating, on the same PostgreSQL. Prints figures; nothing here is asserted anywhere.
const root = path.resolve(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 1);
const pinned = existsSync("/usr/bin/taskset");
// BENCH_ONLY=1a,3 runs a subset (all by default). Scenario 5 (millions of rows, minutes of
// loading, GBs of disk) runs only when named: BENCH_ONLY=5.
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const wanted = (id: string) => (!only ? id !== "5" : only.includes(id));
// Our server as production runs it (the bundle `npm start` execs); BENCH_OURS_BUNDLE points at
// another build of it (an A/B of two commits in one run).
const OURS_BUNDLE = process.env.BENCH_OURS_BUNDLE || (SERVER_BUNDLE as string);
// Node options for one server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under
// the bench's load.
const nodeArgs = (name: string) => process.env[name]?.split(" ").filter(Boolean) ?? [];
// The environment and Node options `npm start` gives our server (package.json), read from
// there so that the bench runs it as production does:
// `[NAME=value ...] exec node <options> scripts/start.mjs`.
const { START_ENV, START_NODE_ARGS } = (() => {
  const start = (
    JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: { start: string };
    }
  ).scripts.start;
  const parts = /^((?:\w+=\S+ )*)exec node((?: --\S+)*) scripts\/start\.mjs$/.exec(start);
  if (!parts)
    throw new Error(
      `package.json "start" is not "[NAME=value ...] exec node [options] scripts/start.mjs"`,
    );
  const assignments = parts[1]!.split(" ").filter(Boolean);
  return {
    START_ENV: Object.fromEntries(
      assignments.map((assignment) => assignment.split("=", 2) as [string, string]),
    ),
    START_NODE_ARGS: parts[2]!.split(" ").filter(Boolean),
  };
})();
const OURS_NODE_ARGS = [...START_NODE_ARGS, ...nodeArgs("BENCH_OURS_NODE_ARGS")];
const REFERENCE_NODE_ARGS = nodeArgs("BENCH_REFERENCE_NODE_ARGS");
const EVENTS_PER_VIEWER_THREAD = 12_500;
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux build we run on

interface Server {
  kind: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** RSS of its process tree once started, before any request (MB). */
  idleRss: number;
  /** From spawn to the first answered capture (ms). */
  startupMs: number;
  stop: () => Promise<void>;
}

// Every server still running: a scenario that throws must not leave one behind on its core.
const running = new Set<ChildProcess>();
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

/** POSTs a capture until one is answered 2xx. */
async function firstCapture(url: string): Promise<void> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (performance.now() > deadline) throw new Error(`${url} answered no capture within 60 s`);
    const response = await fetch(`${url}/echo/startup-probe`, { method: "POST", body: "s" }).catch(
      () => null,
    );
    await response?.arrayBuffer();
    if (response?.ok) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function spawnServer(
  kind: "ours" | "reference",
  databaseUrl: string,
  env: Record<string, string> = {},
  // What `npm start` runs is scripts/start.mjs, which checks the build and execs the bundle.
  script = kind === "ours"
    ? [...OURS_NODE_ARGS, OURS_BUNDLE]
    : [...REFERENCE_NODE_ARGS, "bench/reference-server.mjs"],
): Promise<Server> {
  const spawnedAt = performance.now();
  // Server on core 1, load generator (this process) on core 0, as in the issue's measurements.
  const [command, args] = pinned
    ? ["taskset", ["-c", "1", process.execPath, ...script]]
    : [process.execPath, script];
  const { process: child, port } = await launchServerProcess({
    command,
    args,
    databaseUrl,
    env: {
      ...(kind === "ours" ? START_ENV : {}),
      RATE_LIMIT_BIN_PER_MINUTE: "0",
      RATE_LIMIT_IP_PER_MINUTE: "0",
      // The cap would delete rows during the run and hide the stored-vs-answered check.
      MAX_DELIVERIES_PER_BIN: "1000000",
      ...env,
    },
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  await firstCapture(url);
  const startupMs = performance.now() - spawnedAt;
  // Settled: whatever start-up allocated and freed is not idle memory.
  await new Promise((r) => setTimeout(r, 1000));
  return {
    kind,
    url,
    pid: child.pid!,
    child,
    idleRss: sumStatusMb(child.pid!, "VmRSS"),
    startupMs,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

// The server and every process it started (taskset execs in place; a server may run parts of
// itself in child processes): CPU and memory are counted for the whole tree.
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, "utf8");
        for (const child of children.split(" ").filter(Boolean)) pids.push(Number(child));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

function resetPeakRss(pid: number) {
  for (const member of processTree(pid)) {
    try {
      writeFileSync(`/proc/${member}/clear_refs`, "5");
    } catch {
      // not supported: the peak then covers the whole process lifetime
    }
  }
}

function sumStatusMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  let kb = 0;
  for (const member of processTree(pid)) {
    kb += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readProc(member, "status"))?.[1] ?? 0);
  }
  return Math.round(kb / 1024);
}

const peakRssMb = (pid: number) => sumStatusMb(pid, "VmHWM");

/**
 * CPU time the server's processes used so far (user and system), in microseconds, and the part
 * of it on threads other than each process's main thread: V8's compiler and garbage-collector
 * helpers, libuv's pool. A server that is still compiling its hot path shows it there.
 */
function cpuMicros(pid: number): { user: number; system: number; background: number } {
  let user = 0;
  let system = 0;
  let main = 0;
  // Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
  const ticks = (stat: string) => {
    const fields = stat.split(") ")[1]?.split(" ") ?? [];
    return [Number(fields[11] ?? 0), Number(fields[12] ?? 0)] as const;
  };
  for (const member of processTree(pid)) {
    const [memberUser, memberSystem] = ticks(readProc(member, "stat"));
    user += memberUser;
    system += memberSystem;
    const [mainUser, mainSystem] = ticks(readProc(member, `task/${member}/stat`));
    main += mainUser + mainSystem;
  }
  const toMicros = (n: number) => (n * 1_000_000) / CLOCK_TICKS_PER_SECOND;
  return {
    user: toMicros(user),
    system: toMicros(system),
    background: toMicros(user + system - main),
  };
}

/** CPU microseconds (user + system) spent between two readings of cpuMicros. */
const cpuSpent = (before: { user: number; system: number }, after: typeof before) =>
  after.user + after.system - before.user - before.system;

/** Rows stored in bins whose ids start with each prefix (a server's own bins in a shared run). */
async function countStoredByPrefix(db: pg.Pool, prefixes: string[]): Promise<number[]> {
  const counts: number[] = [];
  for (const prefix of prefixes) {
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE starts_with(bin_id, $1)",
      [prefix],
    );
    counts.push(rows[0]!.n);
  }
  return counts;
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
  /** What the errors were: "timeout", "socket error", or a non-2xx status, with counts. */
  errorKinds: Record<string, number>;
  rss: number;
  rows: number;
  /** Rows per insert transaction in the timed window. */
  rowsPerWrite: number;
  /** Server CPU microseconds per stored delivery during the timed window. */
  cpuPerDelivery: number;
  /** The share of it on threads other than the main one (V8's compiler and GC helpers). */
  backgroundCpuPerDelivery: number;
  /** The kernel's share of it (syscalls: sockets to clients and to PostgreSQL). */
  systemCpuPerDelivery: number;
  idleRss: number;
}

/** Timed load: POSTs of `body` to /echo/<binPrefix><0..bins-1>, bins drawn at random. */
function postCaptures(
  url: string,
  options: { connections: number; body: string | Buffer; bins: number; duration: number },
  binPrefix: string,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: options.body,
        setupRequest: (request) => ({
          ...request,
          path: `/echo/${binPrefix}${Math.floor(Math.random() * options.bins)}`,
        }),
      },
    ],
  });
}

const countRows = async (db: pg.Pool) =>
  (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries")).rows[0]!.n;

/**
 * Rows received since `since`, per transaction that wrote them (each row's `xmin`): the group
 * commit's batch size, which sets what a delivery pays for its statement and commit. Only the
 * window's rows (today's partition), so a table of millions (scenario 5) is not read whole.
 */
async function rowsPerWrite(db: pg.Pool, since: Date): Promise<number> {
  const { rows } = await db.query<{ rows: number; writes: number }>(
    "SELECT count(*)::int AS rows, count(DISTINCT xmin::text)::int AS writes FROM deliveries WHERE received_at >= $1",
    [since],
  );
  return rows[0]!.rows / Math.max(1, rows[0]!.writes);
}

async function load(
  server: Server,
  db: pg.Pool,
  options: { connections: number; body: string | Buffer; bins: number; duration: number },
): Promise<LoadResult> {
  const before = await countRows(db);
  resetPeakRss(server.pid);
  const cpuBefore = cpuMicros(server.pid);
  const started = new Date();
  const result = await postCaptures(server.url, options, "bench-");
  const cpuAfter = cpuMicros(server.pid);
  const rows = (await countRows(db)) - before;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    // A timeout counts in autocannon's `errors` too.
    errors: result.non2xx + result.errors,
    errorKinds: errorKinds(result),
    rss: peakRssMb(server.pid),
    rows,
    rowsPerWrite: await rowsPerWrite(db, started),
    cpuPerDelivery: cpuSpent(cpuBefore, cpuAfter) / Math.max(1, rows),
    systemCpuPerDelivery: (cpuAfter.system - cpuBefore.system) / Math.max(1, rows),
    backgroundCpuPerDelivery: (cpuAfter.background - cpuBefore.background) / Math.max(1, rows),
    idleRss: server.idleRss,
  };
}

// autocannon counts a timed-out request in `timeouts` and in `errors`.
function errorKinds(result: autocannon.Result): Record<string, number> {
  const kinds: Record<string, number> = {};
  if (result.timeouts > 0) kinds.timeout = result.timeouts;
  if (result.errors > result.timeouts) kinds["socket error"] = result.errors - result.timeouts;
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    const count = stats.count ?? 0;
    if (!status.startsWith("2") && count > 0) kinds[status] = count;
  }
  return kinds;
}

/** "0", or the total with its kinds: "4 (timeout 3, 503 1)". */
function describeErrors(results: LoadResult[]): string {
  const total = results.reduce((n, r) => n + r.errors, 0);
  const kinds: Record<string, number> = {};
  for (const r of results) {
    for (const [kind, count] of Object.entries(r.errorKinds))
      kinds[kind] = (kinds[kind] ?? 0) + count;
  }
  const parts = Object.entries(kinds).map(([kind, count]) => `${kind} ${count}`);
  return parts.length > 0 ? `${total} (${parts.join(", ")})` : String(total);
}

function printRuns(title: string, runs: Record<string, LoadResult[]>) {
  console.log(`\n${title}`);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const summary: Record<string, number> = {};
  const cpuSummary: Record<string, number> = {};
  for (const [kind, results] of Object.entries(runs)) {
    const rps = mean(results.map((r) => r.rps));
    summary[kind] = rps;
    const ok = results.reduce((n, r) => n + r.ok, 0);
    const rows = results.reduce((n, r) => n + r.rows, 0);
    console.log(
      `  ${kind.padEnd(34)} ${rps.toFixed(0).padStart(6)} req/s   p50 ${mean(results.map((r) => r.p50)).toFixed(1)} ms   p99 ${mean(results.map((r) => r.p99)).toFixed(1)} ms   ` +
        `errors ${describeErrors(results)}   peak RSS ${Math.max(...results.map((r) => r.rss))} MB   rows ${rows} vs 2xx ${ok} ${rows >= ok ? "(every 2xx stored)" : "(MISSING ROWS)"}`,
    );
    const cpu = mean(results.map((r) => r.cpuPerDelivery));
    cpuSummary[kind] = cpu;
    console.log(
      `  ${"".padEnd(34)} CPU ${cpu.toFixed(0)} µs/delivery (${results.map((r) => r.cpuPerDelivery.toFixed(0)).join(", ")}; system ${mean(results.map((r) => r.systemCpuPerDelivery)).toFixed(0)}, background threads ${mean(results.map((r) => r.backgroundCpuPerDelivery)).toFixed(0)})   ${mean(results.map((r) => r.rowsPerWrite)).toFixed(1)} rows per insert transaction   idle RSS ${Math.max(...results.map((r) => r.idleRss))} MB`,
    );
  }
  if (summary.ours && summary.reference) {
    console.log(`  ratio ours/reference: ${(summary.ours / summary.reference).toFixed(2)}`);
  }
  if (cpuSummary.ours && cpuSummary.reference) {
    console.log(
      `  CPU per delivery ours/reference: ${(cpuSummary.ours / cpuSummary.reference).toFixed(2)}`,
    );
  }
  const [ours, reference] = [summary["ours, partitioned"], summary["reference, partitioned"]];
  if (ours && reference) {
    console.log(`  ratio on partitions: ${(ours / reference).toFixed(2)}`);
  }
}

/** Runs statements on the server's `postgres` database (creating and dropping ours). */
async function adminQuery(serverUrl: string, statements: string[]): Promise<void> {
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}

const dropDatabase = (serverUrl: string, name: string) =>
  adminQuery(serverUrl, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]);

async function createDatabase(
  serverUrl: string,
  name: string,
  migrationsDir?: string,
): Promise<string> {
  await adminQuery(serverUrl, [
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    `CREATE DATABASE "${name}"`,
  ]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runMigrations({ databaseUrl: url.toString(), migrationsDir });
  return url.toString();
}

/**
 * Warm-up before a timed load (JIT, pool, caches): one second of the scenario's own request
 * into a bin of its own, not counted, so both servers' code is compiled and optimised for the
 * path measured (a body of one byte left the JSON, analysis and row paths cold for the first
 * part of the timed window).
 */
async function warmUp(server: Server, body: string | Buffer): Promise<autocannon.Result> {
  if (server.kind === "ours") await servePages(server);
  return autocannon({
    url: `${server.url}/echo/warmup`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    connections: 10,
    duration: WARMUP_SECONDS,
  });
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
    script?: string[];
    /** Another database for this variant (scenario 5 compares two table layouts). */
    database?: { url: string; pool: pg.Pool };
  }>,
  rounds = ROUNDS,
) {
  const runs: Record<string, LoadResult[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const { url, pool } = variant.database ?? { url: databaseUrl, pool: db };
      const server = await spawnServer(variant.kind, url, variant.env, variant.script);
      await warmUp(server, options.body);
      (runs[variant.name] ??= []).push(await load(server, pool, options));
      await server.stop();
      await pool.query("TRUNCATE deliveries, bins, rate_limit_counters CASCADE");
    }
  }
  printRuns(title, runs);
}

/**
 * A server in use has served pages and API reads, not captures alone, and that changes what a
 * capture costs: Next's AsyncLocalStorages put a hook on every promise the process makes, which
 * cost captures 13–16% more CPU per delivery (paired, 2026-12-02) until the server turned it off
 * again once Next is idle (`create-async-storage-quiescer.ts`, after 1 s). So ours serves a page,
 * a bin's view and a list before its warm-up, and the quiet second passes, as it would between
 * a teammate's page loads.
 */
async function servePages(server: Server): Promise<void> {
  for (const pathname of ["/", "/view/warmup", "/api/bins/warmup/deliveries"]) {
    const response = await fetch(`${server.url}${pathname}`);
    await response.arrayBuffer();
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

/**
 * Paired A/B (BENCH_PAIRED=<other bundle> or "reference"): the other server and ours run at the
 * same time, both pinned to core 1, each loaded with half the connections. Whatever the
 * machine does meanwhile (its speed drifts 2-3x from hour to hour, and alternating runs of
 * one build spread by ±25%) hits both alike, so the ratio of their CPU per delivery is steady
 * to about ±2% from round to round. Absolute figures are higher than in the other scenarios
 * (two servers share a core and its caches); compare the ratios.
 */
async function pairedScenario(
  title: string,
  databaseUrl: string,
  db: pg.Pool,
  options: { connections: number; body: string | Buffer; bins: number; duration: number },
  other: string,
) {
  const otherName = other === "reference" ? "reference" : path.basename(other);
  const ratios: number[] = [];
  console.log(`
${title}: ${otherName} (A) and ours (B) at the same time, ${options.connections} connections each`);
  for (let round = 0; round < ROUNDS; round++) {
    const started = await Promise.allSettled([
      other === "reference"
        ? spawnServer("reference", databaseUrl)
        : spawnServer("ours", databaseUrl, {}, [...START_NODE_ARGS, other]),
      spawnServer("ours", databaseUrl),
    ]);
    const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failed = started.find((s) => s.status === "rejected");
    if (failed) {
      // The other one is running (and pinned to the bench's core): stop it, not orphan it.
      await Promise.all(servers.map((server) => server.stop()));
      throw failed.reason;
    }
    await Promise.all(servers.map((server) => warmUp(server, options.body)));
    const before = servers.map((server) => cpuMicros(server.pid));
    const results = await Promise.all(
      servers.map((server, index) => postCaptures(server.url, options, `pair${index}-`)),
    );
    const after = servers.map((server) => cpuMicros(server.pid));
    const stored = await countStoredByPrefix(db, ["pair0-", "pair1-"]);
    const cpu = servers.map((_, i) => {
      if (stored[i]! < results[i]!["2xx"])
        throw new Error(`paired run: ${stored[i]} rows for ${results[i]!["2xx"]} 2xx`);
      return cpuSpent(before[i]!, after[i]!) / Math.max(1, results[i]!["2xx"]);
    });
    ratios.push(cpu[1]! / cpu[0]!);
    console.log(
      `  round ${round + 1}: A ${cpu[0]!.toFixed(0)} µs/delivery (${results[0]!.requests.average.toFixed(0)} req/s), ` +
        `B ${cpu[1]!.toFixed(0)} µs (${results[1]!.requests.average.toFixed(0)} req/s); B/A ${ratios.at(-1)!.toFixed(3)}; every 2xx stored`,
    );
    await Promise.all(servers.map((server) => server.stop()));
    await db.query("TRUNCATE deliveries, bins, rate_limit_counters CASCADE");
  }
  console.log(
    `  CPU per delivery ours/${otherName}: median ${percentile(ratios, 50).toFixed(3)} (${ratios.map((r) => r.toFixed(3)).join(", ")})`,
  );
}

/**
 * Interleaved A/B (BENCH_INTERLEAVED=<other bundle> or "reference"): both servers start once and
 * stay up; then short windows alternate which one gets the whole load, alone on core 1 (the
 * other idles there), in ABBA order so that a drift in the machine's speed hits both alike.
 * Each adjacent pair of windows gives a ratio of CPU per delivery; the median and the quartiles
 * say how steady it is. This is the alternating measure (each server alone on the core, all 50
 * connections) without the minutes between rounds that let the machine's drift into it.
 */
async function interleavedScenario(
  title: string,
  databaseUrl: string,
  db: pg.Pool,
  options: { connections: number; body: string | Buffer; bins: number },
  other: string,
) {
  const otherName = other === "reference" ? "reference" : path.basename(other);
  const windows = Number(process.env.BENCH_WINDOWS ?? 8);
  const seconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 3);
  const servers = [
    other === "reference"
      ? await spawnServer("reference", databaseUrl)
      : await spawnServer("ours", databaseUrl, {}, [...START_NODE_ARGS, other]),
    await spawnServer("ours", databaseUrl),
  ];
  try {
    for (const server of servers) await warmUp(server, options.body);
    const answered = [0, 0];
    const window = async (index: number) => {
      const server = servers[index]!;
      const before = cpuMicros(server.pid);
      const result = await postCaptures(
        server.url,
        { ...options, duration: seconds },
        `ilv${index}-`,
      );
      const after = cpuMicros(server.pid);
      answered[index]! += result["2xx"];
      return cpuSpent(before, after) / Math.max(1, result["2xx"]);
    };
    // One pair first, not counted: both servers' first seconds at full load still cost more.
    await window(0);
    await window(1);
    const ratios: number[] = [];
    const cpu: [number[], number[]] = [[], []];
    for (let pair = 0; pair < windows; pair++) {
      const order = pair % 2 === 0 ? [0, 1] : [1, 0];
      const measured = [0, 0];
      for (const index of order) measured[index] = await window(index);
      cpu[0].push(measured[0]!);
      cpu[1].push(measured[1]!);
      ratios.push(measured[1]! / measured[0]!);
    }
    const stored = await countStoredByPrefix(db, ["ilv0-", "ilv1-"]);
    const median = (values: number[]) => percentile(values, 50);
    console.log(`
${title}: ${otherName} (A) and ours (B), ${windows} pairs of ${seconds} s windows, ${options.connections} connections`);
    console.log(
      `  CPU µs per delivery: A median ${median(cpu[0]).toFixed(0)} (${cpu[0].map((v) => v.toFixed(0)).join(", ")})`,
    );
    console.log(
      `                       B median ${median(cpu[1]).toFixed(0)} (${cpu[1].map((v) => v.toFixed(0)).join(", ")})`,
    );
    console.log(
      `  CPU per delivery ours/${otherName}: median ${median(ratios).toFixed(3)}, quartiles ${percentile(ratios, 25).toFixed(3)}–${percentile(ratios, 75).toFixed(3)}; ` +
        (stored.every((n, i) => n >= answered[i]!)
          ? "every 2xx stored"
          : `MISSING ROWS (${stored.join(", ")} rows for ${answered.join(", ")} 2xx)`),
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await db.query("TRUNCATE deliveries, bins, rate_limit_counters CASCADE");
  }
}

/**
 * 2xx answer -> SSE event latency: `rate` deliveries/s spread round-robin over `bins` bins,
 * each watched by `viewersPerBin` open streams. Every (delivery, viewer) pair is one sample.
 */
async function liveLatencyScenario(
  databaseUrl: string,
  {
    id,
    title,
    bins,
    viewersPerBin,
  }: { id: string; title: string; bins: number; viewersPerBin: number },
) {
  const server = await spawnServer("ours", databaseUrl, {
    MAX_LIVE_STREAMS_PER_CLIENT: "10000",
    MAX_LIVE_STREAMS_PER_BIN: "10000",
    MAX_LIVE_STREAMS: "10000",
  });
  // Bins of their own: a bin that another scenario just filled would make every new viewer
  // replay its last seconds first (the catch-up), which is not what this scenario measures.
  const binIds = Array.from({ length: bins }, (_, i) => `live-bench-${id}-${i}`);
  const rate = 500;
  // Viewers on threads of their own, sends on this one: no event loop delays another's clock
  // (all absolute: timeOrigin + now).
  const urls = binIds.flatMap((binId) =>
    Array.from({ length: viewersPerBin }, () => `${server.url}/api/bins/${binId}/events`),
  );
  // Viewers spread over threads by the events they read: 50 viewers of 500 events/s are 25,000
  // events a second to parse, more than one thread of this machine keeps up with, while more
  // threads than needed only take CPU from the server on a 2-core machine.
  const threads = Math.ceil((rate * viewersPerBin) / EVENTS_PER_VIEWER_THREAD);
  const perThread = Math.ceil(urls.length / threads);
  const viewers = Array.from(
    { length: threads },
    (_, t) =>
      new Worker(new URL("./live-viewers-worker.mjs", import.meta.url), {
        workerData: { urls: urls.slice(t * perThread, (t + 1) * perThread) },
      }),
  );
  const viewerMessages = () =>
    Promise.all(
      viewers.map(
        (viewer) =>
          new Promise<{ type: string; arrivals?: Array<Array<[string, number]>> }>(
            (resolve, reject) => {
              viewer.once("message", resolve);
              viewer.once("error", reject);
            },
          ),
      ),
    );
  await viewerMessages();
  const clock = () => performance.timeOrigin + performance.now();
  // Plain node:http on kept-alive sockets: fetch costs the sender several times the CPU.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const post = (url: string, body: string) =>
    new Promise<string | null>((resolve, reject) => {
      const request = http.request(url, { method: "POST", agent }, (response) => {
        const id = response.headers["x-delivery-id"];
        response.resume();
        response.on("end", () => resolve(typeof id === "string" ? id : null));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(body);
    });
  // Per bin: delivery id -> when its 2xx was read.
  const answered = binIds.map(() => new Map<string, number>());
  let failed = 0;
  const seconds = Math.min(DURATION, 10);
  // The first seconds at the same rate are not counted: a server that just started compiles
  // its hot code and opens its connections meanwhile (scenario "startup" reports that part).
  const warmUp = rate * 2;
  const started = performance.now();
  const sends: Array<Promise<void>> = [];
  for (let i = 0; i < warmUp + rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const bin = i % bins;
    sends.push(
      post(`${server.url}/echo/${binIds[bin]}`, `live-${i}`).then(
        (id) => {
          if (!id) failed++;
          else if (i >= warmUp) answered[bin]!.set(id, clock());
        },
        () => void failed++,
      ),
    );
  }
  await Promise.all(sends);
  agent.destroy();
  await new Promise((r) => setTimeout(r, 1000));
  const done = viewerMessages();
  for (const viewer of viewers) viewer.postMessage("stop");
  // In url order: thread after thread, each in its own order.
  const byViewer = (await done).flatMap((message) => message.arrivals ?? []);
  await Promise.all(viewers.map((viewer) => viewer.terminate()));
  const latencies: number[] = [];
  let missing = 0;
  for (const [index, events] of byViewer.entries()) {
    const arrivals = new Map(events);
    for (const [id, at] of answered[Math.floor(index / viewersPerBin)]!) {
      const arrival = arrivals.get(id);
      if (arrival === undefined) missing++;
      else latencies.push(Math.max(0, arrival - at));
    }
  }
  await server.stop();
  console.log(
    `\n${title}: ${rate} deliveries/s for ${seconds} s (after 2 s of warm-up) over ${bins} bin(s), ${viewersPerBin} SSE viewer(s) per bin (ours only; the reference has no live view)`,
  );
  console.log(
    `  2xx answer -> event arrival   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   ` +
      `(${latencies.length} events, ${missing} answered deliveries without an event, ${failed} sends failed)`,
  );
}

async function startupScenario(databaseUrl: string) {
  const runs: Record<string, Array<{ startupMs: number; idleRss: number }>> = {};
  for (let round = 0; round < 3; round++) {
    // `npm start` runs scripts/start.mjs (build check, then the bundle); with
    // BENCH_OURS_BUNDLE the other build's bundle is started directly.
    const ours = process.env.BENCH_OURS_BUNDLE
      ? `ours (${OURS_BUNDLE})`
      : "ours (scripts/start.mjs)";
    for (const [name, kind, script] of [
      [
        ours,
        "ours",
        process.env.BENCH_OURS_BUNDLE
          ? [...START_NODE_ARGS, OURS_BUNDLE]
          : [...START_NODE_ARGS, "scripts/start.mjs"],
      ],
      ["reference", "reference", ["bench/reference-server.mjs"]],
    ] as const) {
      const server = await spawnServer(kind, databaseUrl, {}, [...script]);
      (runs[name] ??= []).push({ startupMs: server.startupMs, idleRss: server.idleRss });
      await server.stop();
    }
  }
  console.log(
    "\nStart-up: spawn of the (already built) start command -> first answered capture, 3 runs each; idle RSS of its process tree",
  );
  for (const [name, results] of Object.entries(runs)) {
    console.log(
      `  ${name.padEnd(26)} ${results.map((r) => `${r.startupMs.toFixed(0)} ms`).join(", ")}   idle RSS ${results.map((r) => `${r.idleRss} MB`).join(", ")}`,
    );
  }
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
    // and what the counts' backfill costs an existing install (one pass over every row, online).
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
      `  counts' backfill, one pass over every row ${(backfill.samples[0]! / 1000).toFixed(1)} s (the sweep's online backfill; captures go on)`,
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
  // Its own database per run: two benches on one PostgreSQL must not drop each other's.
  const databaseName = `webhook_echo_bench_${process.pid}`;
  const databaseUrl = await createDatabase(serverUrl, databaseName);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  console.log(
    `Webhook Echo bench: ${DURATION} s per run, ${ROUNDS} alternating rounds, servers ${pinned ? "pinned to core 1" : "not pinned"}, ` +
      `rate limits off unless stated (the reference has none).`,
  );
  try {
    const small = jsonBody(2048);
    const both: Parameters<typeof captureScenario>[4] = [
      { name: "ours", kind: "ours" },
      { name: "reference", kind: "reference" },
    ];
    // BENCH_BASELINE_BUNDLE (comma-separated): other builds of our server (e.g. the previous
    // commit's) run alongside, alternating with the others, so a change is measured under the
    // same load.
    for (const bundle of process.env.BENCH_BASELINE_BUNDLE?.split(",").filter(Boolean) ?? []) {
      both.push({
        name: `ours @ ${path.basename(bundle)}`,
        kind: "ours",
        script: [...START_NODE_ARGS, bundle],
      });
    }
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
    // Sustained: one bin for a minute, once each. The old generation grows between V8's full
    // collections, so a 10 s window can end before the heap peaks.
    if (wanted("1s")) {
      const seconds = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 60);
      await captureScenario(
        `Scenario 1s: 1a sustained for ${seconds} s`,
        databaseUrl,
        db,
        { connections: 50, body: small, bins: 1, duration: seconds },
        both.slice(0, 2),
        1,
      );
    }
    if (wanted("1b")) {
      await capture("Scenario 1b: 50 connections, 2 KB JSON POST, spread over 1,000 bins", {
        connections: 50,
        body: small,
        bins: 1000,
      });
    }
    // 1a and 1b again, measured two other ways (paired, interleaved): titles and bin counts.
    const twoLoads = [
      ["1a: 2 KB JSON POST, one bin", 1],
      ["1b: 2 KB JSON POST, 1,000 bins", 1000],
    ] as const;
    const paired = process.env.BENCH_PAIRED;
    if (paired) {
      for (const [title, bins] of twoLoads) {
        await pairedScenario(
          `Paired ${title}`,
          databaseUrl,
          db,
          { connections: 25, body: small, bins, duration: DURATION },
          paired,
        );
      }
    }
    const interleaved =
      process.env.BENCH_INTERLEAVED ?? (wanted("interleaved") ? "reference" : undefined);
    if (interleaved) {
      for (const [title, bins] of twoLoads) {
        await interleavedScenario(
          `Interleaved ${title}`,
          databaseUrl,
          db,
          { connections: 50, body: small, bins },
          interleaved,
        );
      }
    }
    if (wanted("2")) {
      const body = Buffer.alloc(10 * 1024 * 1024, 0x61);
      await capture("Scenario 2: 20 connections, 10 MiB bodies", {
        connections: 20,
        body,
        bins: 10,
      });
    }
    const live = [
      { id: "3", title: "Scenario 3: live latency", bins: 1, viewersPerBin: 1 },
      {
        id: "3b",
        title: "Scenario 3b: live latency, 50 viewers on one bin",
        bins: 1,
        viewersPerBin: 50,
      },
      {
        id: "3c",
        title: "Scenario 3c: live latency, 200 viewers across 20 bins",
        bins: 20,
        viewersPerBin: 10,
      },
    ];
    for (const scenario of live) {
      if (wanted(scenario.id)) await liveLatencyScenario(databaseUrl, scenario);
    }
    if (wanted("startup")) await startupScenario(databaseUrl);
    if (wanted("4")) await viewScenario(databaseUrl, db);
    if (wanted("5")) await bigTableScenario(serverUrl);
  } finally {
    await db.end();
    await dropDatabase(serverUrl, databaseName);
    await stopEmbedded?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
