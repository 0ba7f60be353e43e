import { rm } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/database/run-migrations";
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from "@/lib/database/start-embedded-postgres";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Its own PostgreSQL, so restarting it cannot disturb the other suites' database.
const dataDir = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  ".data",
  `test-restart-${process.pid}`,
);
let pg: EmbeddedPostgresHandle;
let server: TestServer;
let db: ReturnType<typeof createTestDb>;

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ dataDir });
  await runMigrations({ databaseUrl: pg.url });
  db = createTestDb(pg.url);
  server = await startTestServer({
    databaseUrl: pg.url,
    env: { RATE_LIMIT_BIN_PER_MINUTE: "0", RATE_LIMIT_IP_PER_MINUTE: "0" },
  });
});
afterAll(async () => {
  await server?.stop();
  await db?.close();
  await pg?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("no acknowledged delivery is lost", () => {
  it("10,000 deliveries with PostgreSQL restarted in the middle", async () => {
    const total = Number(process.env.RELIABILITY_DELIVERIES ?? 10_000);
    const concurrency = 50;
    const answers: Array<{ i: number; status: number; id: string | null; ms: number }> = [];
    let next = 0;
    let restarted = false;
    const restart = async () => {
      await pg.stop();
      await new Promise((r) => setTimeout(r, 500));
      await pg.restart();
      restarted = true;
    };
    let restartDone: Promise<void> | null = null;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (i === Math.floor(total / 2) && !restartDone) restartDone = restart();
        const started = Date.now();
        try {
          const response = await fetch(`${server.baseUrl}/echo/reliability-${i % 20}`, {
            method: "POST",
            body: `delivery-${i}`,
            signal: AbortSignal.timeout(15_000),
          });
          const id = response.headers.get("x-delivery-id");
          await response.arrayBuffer();
          answers.push({ i, status: response.status, id, ms: Date.now() - started });
        } catch {
          answers.push({ i, status: 0, id: null, ms: Date.now() - started });
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await restartDone;
    expect(restarted).toBe(true);

    const ok = answers.filter((a) => a.status === 200);
    const unavailable = answers.filter((a) => a.status === 503);
    const other = answers.filter((a) => a.status !== 200 && a.status !== 503);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const { rows } = await db.query<{ id: string; body: Buffer }>(
      "SELECT id::text, body FROM deliveries",
    );
    const stored = new Map(rows.map((row) => [row.id, row.body.toString()]));
    const lost = ok.filter((a) => stored.get(a.id!) !== `delivery-${a.i}`);
    console.log(
      `reliability: ${total} sent, ${ok.length} answered 200, ${unavailable.length} answered 503, ` +
        `${other.length} other, ${rows.length} rows stored, ${lost.length} acknowledged but missing, slowest answer ${slowest} ms`,
    );
    expect(other).toEqual([]);
    expect(lost).toEqual([]);
    expect(ok.length).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThanOrEqual(ok.length);
    // No request hung while the database was away (bounded, generous for CI).
    expect(slowest).toBeLessThan(10_000);

    const after = await fetch(`${server.baseUrl}/echo/reliability-after`, {
      method: "POST",
      body: "after",
    });
    expect(after.status).toBe(200);
  });

  it("SIGTERM during a burst: every answered delivery is stored and the process exits 0", async () => {
    const second = await startTestServer({
      databaseUrl: pg.url,
      env: { RATE_LIMIT_BIN_PER_MINUTE: "0", RATE_LIMIT_IP_PER_MINUTE: "0" },
    });
    const answers: Array<{ status: number; id: string | null; body: string }> = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const body = `shutdown-${w}-${i}`;
        try {
          const response = await fetch(`${second.baseUrl}/echo/shutdown-bin`, {
            method: "POST",
            body,
          });
          answers.push({
            status: response.status,
            id: response.headers.get("x-delivery-id"),
            body,
          });
          await response.arrayBuffer();
        } catch {
          answers.push({ status: 0, id: null, body });
          return;
        }
      }
    };
    const workers = Promise.all(Array.from({ length: 20 }, (_, w) => worker(w)));
    await new Promise((r) => setTimeout(r, 500));
    const exitCode = await second.stop("SIGTERM");
    stop = true;
    await workers;
    const ok = answers.filter((a) => a.status === 200);
    const { rows } = await db.query<{ id: string; body: Buffer }>(
      "SELECT id::text, body FROM deliveries WHERE bin_id = 'shutdown-bin'",
    );
    const stored = new Map(rows.map((row) => [row.id, row.body.toString()]));
    console.log(
      `graceful shutdown: ${answers.length} requests, ${ok.length} answered 200, ${rows.length} stored, exit ${exitCode}`,
    );
    expect(exitCode).toBe(0);
    expect(ok.length).toBeGreaterThan(0);
    for (const answer of ok) expect(stored.get(answer.id!)).toBe(answer.body);
  });
  it("SIGTERM behind a keep-alive balancer: the answer in flight closes its connection, nothing else is taken", async () => {
    const third = await startTestServer({ databaseUrl: pg.url });
    const bin = (await (await fetch(`${third.baseUrl}/api/bins`, { method: "POST" })).json()) as {
      id: string;
      ownerToken: string;
    };
    await fetch(`${third.baseUrl}/api/bins/${bin.id}/settings`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ response: { delayMs: 1000 } }),
    });
    // One kept-alive connection, as a balancer's upstream pool holds it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; connection?: string; deliveryId?: string } | null>(
        (resolve) => {
          const request = http.request(
            `${third.baseUrl}/echo/${bin.id}`,
            { method: "POST", agent },
            (response) => {
              let text = "";
              response.on("data", (chunk: Buffer) => (text += chunk.toString()));
              response.on("end", () =>
                resolve({
                  status: response.statusCode!,
                  connection: response.headers.connection,
                  deliveryId: response.headers["x-delivery-id"] as string | undefined,
                }),
              );
            },
          );
          request.on("error", () => resolve(null)); // refused: the sender retries elsewhere
          request.end(body);
        },
      );
    const inFlight = post("in flight");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = third.stop("SIGTERM");
    const first = await inFlight;
    expect(first).toMatchObject({ status: 200, connection: "close" });
    // The next request cannot ride the old connection: refused, or at most a 503.
    const second = await post("after the stop began");
    expect(second === null || second.status === 503).toBe(true);
    expect(await exited).toBe(0);
    agent.destroy();
    const { rows } = await db.query<{ id: string }>(
      "SELECT id::text FROM deliveries WHERE bin_id = $1",
      [bin.id],
    );
    expect(rows.map((row) => row.id)).toEqual([first!.deliveryId]);
  });
});
