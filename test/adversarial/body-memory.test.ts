import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { waitForFreshRateWindow } from "@/test/support/wait-for-fresh-rate-window";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { percentile } from "@/test/support/measure";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Issue 12, item 2: idle declarers and trickling uploads must neither stall other captures
// nor keep body memory after they are gone.
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;

const MIB = 1024 * 1024;

beforeAll(async () => {
  await db.reset();
  // A small budget makes the attack cheap: 12 MiB in all (one 10 MiB body in the lane, 2 MiB
  // shared). The old first-come-first-served reservation gave it to the first declarer.
  server = await startTestServer({
    databaseUrl,
    env: {
      MAX_BUFFERED_BODY_BYTES: String(12 * MIB),
      RATE_LIMIT_IP_PER_MINUTE: "0",
      // Per bin, so that one bin below can be pushed into 429s (their bodies were read).
      RATE_LIMIT_BIN_PER_MINUTE: "40",
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

interface Attacker {
  socket: net.Socket;
  answered: () => boolean;
  stop: () => void;
}

/** A raw client that sends a head, then optional bytes every `everyMs`, and never finishes. */
function openAttacker(port: number, head: string, drip?: { bytes: string; everyMs: number }) {
  const socket = net.connect(port, "127.0.0.1");
  let answered = false;
  socket.on("data", () => (answered = true));
  socket.on("close", () => (answered = true));
  socket.on("error", () => {});
  socket.write(head);
  const timer = drip
    ? setInterval(() => {
        if (!socket.destroyed) socket.write(drip.bytes);
      }, drip.everyMs)
    : null;
  return {
    socket,
    answered: () => answered,
    stop: () => {
      if (timer) clearInterval(timer);
      socket.destroy();
    },
  } satisfies Attacker;
}

async function capture(bin: string, body: Buffer) {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/echo/${bin}`, {
    method: "POST",
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(20_000),
  });
  const json = (await response.json()) as { deliveryId?: string };
  return { status: response.status, id: json.deliveryId, ms: performance.now() - started };
}

async function storedDigest(id: string) {
  const { rows } = await db.query<{ size: number; sha: string }>(
    "SELECT body_size AS size, encode(sha256(body), 'hex') AS sha FROM deliveries WHERE id = $1",
    [id],
  );
  return rows[0];
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("fair body memory", () => {
  it("8 idle 10 MiB declarers + 8 trickling chunked uploads from one address: a 1 KB capture to another bin is answered while they stay open, and after they leave the whole budget is usable again", async () => {
    const attackers: Attacker[] = [];
    for (let i = 0; i < 8; i++) {
      attackers.push(
        openAttacker(
          server.port,
          `POST /echo/attacker-${i} HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n${i % 2 ? "abc" : ""}`,
        ),
      );
      attackers.push(
        openAttacker(
          server.port,
          `POST /echo/attacker-chunked-${i} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n`,
          { bytes: "1\r\na\r\n", everyMs: 2000 },
        ),
      );
    }
    await Promise.all(
      attackers.map(
        ({ socket }) =>
          new Promise((resolve) => socket.once("connect", resolve).once("error", resolve)),
      ),
    );
    // Let the server see every head (and the first trickled bytes) before the victim arrives.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const body = randomBytes(1024);
      const answer = await capture("victim", body);
      expect(answer.status).toBe(200);
      const stored = await storedDigest(answer.id!);
      expect(stored).toEqual({ size: 1024, sha: sha256(body) });
      latencies.push(answer.ms);
    }
    // Ordering, not wall-clock: every attacker was still connected and unanswered.
    expect(attackers.filter((a) => a.answered())).toEqual([]);
    console.log(
      `1 KB capture under 8 idle declarers + 8 trickling uploads (30 in a row): p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, max ${percentile(latencies, 100).toFixed(1)} ms`,
    );

    // The attackers hang up (client side), mid-body.
    attackers.forEach((a) => a.stop());
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Fast uploads that fill the budget, are paused (waiting for memory) and then hang up
    // mid-body: what they held and their place in the queue must come back too.
    const flooders = Array.from({ length: 4 }, (_, i) =>
      openAttacker(
        server.port,
        `POST /echo/attacker-flood-${i} HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n`,
      ),
    );
    flooders.forEach(({ socket }) => socket.write(randomBytes(8 * MIB)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    flooders.forEach((a) => a.stop());
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Bodies refused after they were (partly) read give their memory back too: chunked
    // uploads over the limit (413) and deliveries over the bin's rate limit (429).
    for (let i = 0; i < 2; i++) {
      const size = 11 * MIB;
      const response = await sendRawHttp({
        port: server.port,
        data: Buffer.concat([
          Buffer.from(
            `POST /echo/attacker-oversize HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${size.toString(16)}\r\n`,
          ),
          Buffer.alloc(size, 0x61),
          Buffer.from("\r\n0\r\n\r\n"),
        ]),
      });
      expect(response?.status).toBe(413);
    }
    await waitForFreshRateWindow();
    const limited = await Promise.all(
      Array.from({ length: 45 }, () => capture("limited", randomBytes(100 * 1024))),
    );
    expect(limited.filter((a) => a.status === 429)).toHaveLength(5);

    // Captures still work...
    expect((await capture("victim", Buffer.from("after"))).status).toBe(200);
    // ...and the whole 12 MiB budget is usable again: these need all of it at once.
    const bodies = [randomBytes(10 * MIB), randomBytes(MIB), randomBytes(MIB)];
    const started = performance.now();
    const answers = await Promise.all(bodies.map((body, i) => capture(`large-${i}`, body)));
    console.log(
      `3 concurrent uploads needing the whole 12 MiB budget: ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (const [i, answer] of answers.entries()) {
      expect(await storedDigest(answer.id!)).toEqual({
        size: bodies[i]!.length,
        sha: sha256(bodies[i]!),
      });
    }
    // Many concurrent uploads from one address that need more than the budget: they take
    // turns (paused, then resumed) and all finish: none waits forever on another.
    const turns = Array.from({ length: 8 }, () => randomBytes(3 * MIB));
    const turnAnswers = await Promise.all(turns.map((body, i) => capture(`turns-${i}`, body)));
    expect(turnAnswers.map((a) => a.status)).toEqual(turns.map(() => 200));
    for (const [i, answer] of turnAnswers.entries()) {
      expect(await storedDigest(answer.id!)).toEqual({ size: 3 * MIB, sha: sha256(turns[i]!) });
    }

    // No attacker body was stored.
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE bin_id LIKE 'attacker%'",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("a body trickling under the floor rate is cut with 408 and the connection closed once the grace period is over", async () => {
    const strict = await startTestServer({
      databaseUrl,
      env: {
        MIN_BODY_BYTES_PER_SECOND: "64",
        MIN_BODY_RATE_GRACE_MS: "1500",
        RATE_LIMIT_IP_PER_MINUTE: "0",
        RATE_LIMIT_BIN_PER_MINUTE: "0",
      },
    });
    try {
      const trickle = (head: string, drip: string) =>
        new Promise<{ raw: string; cutAfterMs: number }>((resolve) => {
          const started = performance.now();
          const attacker = openAttacker(strict.port, head, { bytes: drip, everyMs: 2000 });
          let raw = "";
          attacker.socket.on("data", (chunk: Buffer) => (raw += chunk.toString("latin1")));
          attacker.socket.on("close", () => {
            attacker.stop();
            resolve({ raw, cutAfterMs: performance.now() - started });
          });
          // Safety net only: the server is expected to close long before.
          setTimeout(() => attacker.stop(), 30_000);
        });
      const [chunked, declared] = await Promise.all([
        trickle(
          "POST /echo/trickle HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
          "1\r\na\r\n",
        ),
        trickle("POST /echo/trickle HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n", "a"),
      ]);
      for (const result of [chunked, declared]) {
        expect(result.raw).toMatch(/^HTTP\/1\.1 408 /);
        expect(result.raw.toLowerCase()).toContain("connection: close");
        expect(result.raw).toContain("body_too_slow");
      }
      console.log(
        `trickling bodies cut after ${chunked.cutAfterMs.toFixed(0)} ms (chunked) and ${declared.cutAfterMs.toFixed(0)} ms (Content-Length), grace 1500 ms`,
      );
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = 'trickle'",
      );
      expect(rows[0]!.n).toBe(0);
      // A normal capture on the same server is unaffected.
      const response = await fetch(`${strict.baseUrl}/echo/after-trickle`, {
        method: "POST",
        body: "ok",
      });
      expect(response.status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});
