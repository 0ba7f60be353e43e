import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { percentile } from "@/test/support/measure";
import { openSseStream, type SseStream } from "@/test/support/read-sse-events";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Issue 12 item 8: one client opened 150 live streams and every one was accepted, each running
// its own queries per event. Now streams are capped per address and per bin (429 +
// Retry-After), slots come back when streams end, and one read per batch feeds every viewer.
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
const PER_CLIENT = 5;
const PER_BIN = 120;
const CLI = path.resolve(import.meta.dirname, "..", "..", "scripts", "webhook-echo.mjs");
let server: TestServer;

beforeAll(async () => {
  // TRUST_PROXY: the test speaks for many addresses through X-Forwarded-For.
  server = await startTestServer({
    databaseUrl,
    env: {
      TRUST_PROXY: "true",
      MAX_LIVE_STREAMS_PER_CLIENT: String(PER_CLIENT),
      MAX_LIVE_STREAMS_PER_BIN: String(PER_BIN),
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

/** Opens a live stream as `address`; an accepted one records every event with its arrival time. */
function openStream(binId: string, address: string): Promise<SseStream> {
  return openSseStream(`${server.baseUrl}/api/bins/${binId}/events`, {
    "X-Forwarded-For": address,
    Accept: "text/event-stream",
  });
}

async function capture(binId: string, body: string): Promise<{ id: string; answeredAt: number }> {
  const response = await fetch(`${server.baseUrl}/echo/${binId}`, { method: "POST", body });
  expect(response.status).toBe(200);
  const answeredAt = performance.now();
  return { id: ((await response.json()) as { deliveryId: string }).deliveryId, answeredAt };
}

/** Opens `count` streams as one address once the earlier ones' slots are back. */
async function openWhenReleased(binId: string, address: string, count: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const streams = await Promise.all(
      Array.from({ length: count }, () => openStream(binId, address)),
    );
    if (streams.every((s) => s.status === 200)) return streams;
    for (const stream of streams) stream.close();
    if (Date.now() > deadline) throw new Error("slots were not released");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function until(check: () => boolean, describe: () => string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out; so far:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("live streams are capped and shared", () => {
  it("one address gets its cap, the rest 429 with Retry-After; slots come back when it hangs up", async () => {
    const binId = "adv-live-client";
    const N = 3;
    const attempts = await Promise.all(
      Array.from({ length: PER_CLIENT + N }, () => openStream(binId, "10.1.0.1")),
    );
    const accepted = attempts.filter((s) => s.status === 200);
    const refused = attempts.filter((s) => s.status !== 200);
    expect(accepted).toHaveLength(PER_CLIENT);
    expect(refused).toHaveLength(N);
    for (const stream of refused) {
      expect(stream.status).toBe(429);
      expect(Number(stream.retryAfter)).toBeGreaterThan(0);
      expect(stream.body).toMatchObject({ error: "rate_limited" });
      expect(stream.body?.message).toMatch(/your address/);
    }
    // Another address is not affected by this one's streams.
    const neighbour = await openStream(binId, "10.1.0.2");
    expect(neighbour.status).toBe(200);

    // The accepted streams are live.
    await Promise.all(accepted.map((s) => s.waitFor((e) => e.event === "ready")));
    const { id } = await capture(binId, "to-capped-viewers");
    await Promise.all(
      [...accepted, neighbour].map((s) => s.waitFor((e) => e.event === "delivery" && e.id === id)),
    );

    // The client hangs up: every slot is released, exactly once each.
    for (const stream of [...accepted, neighbour]) stream.close();
    const again = await openWhenReleased(binId, "10.1.0.1", PER_CLIENT);
    const extra = await openStream(binId, "10.1.0.1");
    expect(extra.status).toBe(429);
    for (const stream of again) stream.close();
  });

  it("a bin takes at most its cap; every one of 120 viewers gets every capture", async () => {
    const binId = "adv-live-bin";
    const addresses = PER_BIN / PER_CLIENT;
    const viewers = (
      await Promise.all(
        Array.from({ length: addresses }, (_, a) =>
          Promise.all(Array.from({ length: PER_CLIENT }, () => openStream(binId, `10.2.${a}.1`))),
        ),
      )
    ).flat();
    expect(viewers.map((s) => s.status)).toEqual(viewers.map(() => 200));
    // A fresh address is refused on the full bin, but not on another bin.
    const latecomer = await openStream(binId, "10.3.0.1");
    expect(latecomer.status).toBe(429);
    expect(Number(latecomer.retryAfter)).toBeGreaterThan(0);
    expect(latecomer.body?.message).toMatch(/this bin/);
    const elsewhere = await openStream("adv-live-other", "10.3.0.1");
    expect(elsewhere.status).toBe(200);
    elsewhere.close();

    await Promise.all(viewers.map((s) => s.waitFor((e) => e.event === "ready")));
    // The same waves on a bin nobody watches, for comparison.
    const unwatchedMs: number[] = [];
    for (let wave = 0; wave < 3; wave++) {
      const started = performance.now();
      const sent = await Promise.all(
        Array.from({ length: 10 }, (_, i) => capture("adv-live-unwatched", `wave-${wave}-${i}`)),
      );
      for (const c of sent) unwatchedMs.push(c.answeredAt - started);
    }
    const captures: Array<{ id: string; answeredAt: number }> = [];
    const captureMs: number[] = [];
    for (let wave = 0; wave < 3; wave++) {
      const started = performance.now();
      const sent = await Promise.all(
        Array.from({ length: 10 }, (_, i) => capture(binId, `wave-${wave}-${i}`)),
      );
      for (const c of sent) captureMs.push(c.answeredAt - started);
      captures.push(...sent);
    }
    const latencies: number[] = [];
    await Promise.all(
      viewers.map(async (viewer) => {
        for (const c of captures) {
          const event = await viewer.waitFor((e) => e.event === "delivery" && e.id === c.id);
          latencies.push(event.at - c.answeredAt);
        }
      }),
    );
    // No event lost, none doubled, on any stream.
    for (const viewer of viewers) {
      const ids = viewer.events.filter((e) => e.event === "delivery").map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(captures.map((c) => c.id)));
    }
    console.log(
      `[live-streams] ${viewers.length} viewers x ${captures.length} captures: 2xx->event p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${percentile(latencies, 100).toFixed(1)} ms; capture answer (waves of 10) p50 ${percentile(captureMs, 50).toFixed(1)} ms, p99 ${percentile(captureMs, 99).toFixed(1)} ms (the same waves to an unwatched bin just before: p50 ${percentile(unwatchedMs, 50).toFixed(1)} ms, p99 ${percentile(unwatchedMs, 99).toFixed(1)} ms)`,
    );

    for (const viewer of viewers) viewer.close();
    const [fresh] = await openWhenReleased(binId, "10.3.0.1", 1);
    fresh!.close();
  });

  it("the CLI waits out a 429 with a clear message, then connects once a slot is free", async () => {
    const bin = (await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json()) as {
      id: string;
      echoUrl: string;
    };
    // The CLI connects as 127.0.0.1: hold all of that address's slots.
    const holders = await Promise.all(
      Array.from({ length: PER_CLIENT }, () => openStream(bin.id, "127.0.0.1")),
    );
    expect(holders.map((h) => h.status)).toEqual(holders.map(() => 200));
    const received: string[] = [];
    const receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(body);
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as { port: number }).port;
    const cli = spawn(
      process.execPath,
      [CLI, "forward", bin.id, "--server", server.baseUrl, "--to", `http://127.0.0.1:${port}/`],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    cli.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on("exit", resolve));
    try {
      await until(
        () => stderr.includes("live stream refused"),
        () => stderr,
      );
      expect(stderr).toMatch(
        /live stream refused, too many open: Too many open live streams from your address; close some or retry later; retrying in 5 s/,
      );
      expect(stderr).not.toContain("connected");
      for (const holder of holders) holder.close();
      await until(
        () => stderr.includes("connected:"),
        () => stderr,
      );
      await capture(bin.id, "after-the-wait");
      await until(
        () => received.includes("after-the-wait"),
        () => stderr,
      );
    } finally {
      cli.kill("SIGINT");
      await exited;
      receiver.close();
    }
  });

  it("on shutdown every open stream ends with a retry hint and the server exits cleanly", async () => {
    const streams = await Promise.all(
      ["10.4.0.1", "10.4.0.2", "10.4.0.3"].map((address) => openStream("adv-live-stop", address)),
    );
    await Promise.all(streams.map((s) => s.waitFor((e) => e.event === "ready")));
    const exitCode = await server.stop("SIGTERM");
    for (const stream of streams) expect(await stream.ended).toMatch(/retry: 1000\n\n$/);
    expect(exitCode).toBe(0);
  });
});
