import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { waitForFreshRateWindow } from "@/test/support/wait-for-fresh-rate-window";
import { setDatabaseUrl } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { startTestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
setDatabaseUrl(databaseUrl);

afterAll(async () => {
  await db.close();
  await getDb().$disconnect();
});
beforeEach(() => db.reset());

let seeded = 0;
async function seed(binId: string, receivedAt: Date[]) {
  await db.query("INSERT INTO bins (id) VALUES ($1) ON CONFLICT DO NOTHING", [binId]);
  for (const at of receivedAt) {
    const i = ++seeded;
    const ms = at.getTime().toString(16).padStart(12, "0");
    const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7000-8000-${i.toString(16).padStart(12, "0")}`;
    await db.query(
      `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, received_at)
       VALUES ($1, $2, 'POST', '', '', '[]', '\\x', 0, repeat('0', 64), $3)`,
      [id, binId, at],
    );
  }
}

describe("retention sweep (injected clock)", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  it("removes deliveries older than the retention period and keeps the rest", async () => {
    await seed("old-bin", [daysAgo(8), daysAgo(7.01), daysAgo(6.9), daysAgo(0)]);
    const result = await sweepDeliveries({ now: () => now, retentionDays: 7, maxPerBin: 1000 });
    expect(result).toMatchObject({ ran: true, expired: 2 });
    const { rows } = await db.query<{ received_at: Date }>(
      "SELECT received_at FROM deliveries ORDER BY id",
    );
    expect(rows.map((r) => r.received_at.toISOString())).toEqual([
      daysAgo(6.9).toISOString(),
      now.toISOString(),
    ]);
  });

  it("trims each bin to its newest N, oldest first, other bins untouched", async () => {
    const times = Array.from({ length: 12 }, (_, i) => new Date(now.getTime() - (12 - i) * 1000));
    await seed("full-bin", times);
    await seed("small-bin", times.slice(0, 3));
    const result = await sweepDeliveries({ now: () => now, retentionDays: 7, maxPerBin: 10 });
    expect(result.overCap).toBe(2);
    const { rows } = await db.query<{ bin_id: string; n: number; oldest: Date }>(
      "SELECT bin_id, count(*)::int AS n, min(received_at) AS oldest FROM deliveries GROUP BY bin_id ORDER BY bin_id",
    );
    expect(rows).toEqual([
      { bin_id: "full-bin", n: 10, oldest: times[2] },
      { bin_id: "small-bin", n: 3, oldest: times[0] },
    ]);
  });

  it("stops deleting once told to (shutdown), and the next sweep finishes the job", async () => {
    await seed("stop-bin", [daysAgo(9), daysAgo(8)]);
    const stopped = new AbortController();
    stopped.abort();
    const cut = await sweepDeliveries({
      now: () => now,
      retentionDays: 7,
      maxPerBin: 1000,
      signal: stopped.signal,
    });
    expect(cut).toMatchObject({ ran: true, expired: 0 });
    const next = await sweepDeliveries({ now: () => now, retentionDays: 7, maxPerBin: 1000 });
    expect(next.expired).toBe(2);
  });

  it("runs once at a time: a concurrent sweep skips", async () => {
    await seed("x", [daysAgo(9)]);
    const results = await Promise.all(
      [1, 2, 3].map(() => sweepDeliveries({ now: () => now, retentionDays: 7, maxPerBin: 1000 })),
    );
    expect(results.reduce((n, r) => n + r.expired, 0)).toBe(1);
  });
});

describe("rate limits over HTTP", () => {
  it("answers 429 with Retry-After past the per-bin limit, stores nothing, and counts the rejections", async () => {
    const server = await startTestServer({
      databaseUrl,
      env: { RATE_LIMIT_BIN_PER_MINUTE: "5", RATE_LIMIT_CREATE_PER_MINUTE: "2" },
    });
    try {
      await waitForFreshRateWindow();
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${server.baseUrl}/echo/limited`, {
          method: "POST",
          body: String(i),
        });
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get("retry-after");
          expect((await response.json()).message).toMatch(/Nothing was stored/);
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(
        (await db.query("SELECT id FROM deliveries WHERE bin_id = 'limited'")).rows,
      ).toHaveLength(5);
      // Another bin is not affected by this bin's limit.
      expect((await fetch(`${server.baseUrl}/echo/other`, { method: "POST" })).status).toBe(200);

      let rejected = 0;
      for (let i = 0; i < 30 && rejected < 3; i++) {
        rejected = (await (await fetch(`${server.baseUrl}/api/bins/limited`)).json()).rejectedCount;
        if (rejected < 3) await new Promise((r) => setTimeout(r, 200));
      }
      expect(rejected).toBe(3);

      const creations = [];
      for (let i = 0; i < 3; i++)
        creations.push(await fetch(`${server.baseUrl}/api/bins`, { method: "POST" }));
      expect(creations.map((r) => r.status)).toEqual([201, 201, 429]);
      expect(creations[2]!.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await server.stop();
    }
  });

  it("a limit of 1,000 taken in leases admits exactly 1,000, then refuses without counting on", async () => {
    const server = await startTestServer({
      databaseUrl,
      env: { RATE_LIMIT_BIN_PER_MINUTE: "1000", RATE_LIMIT_IP_PER_MINUTE: "0" },
    });
    const counted = async () =>
      (
        await db.query<{ count: number }>(
          "SELECT count FROM rate_limit_counters WHERE key = 'bin:leased'",
        )
      ).rows[0]?.count;
    const send = async (total: number) => {
      const statuses: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (next < total) {
            next++;
            const response = await fetch(`${server.baseUrl}/echo/leased`, {
              method: "POST",
              body: "x",
            });
            await response.arrayBuffer();
            statuses.push(response.status);
          }
        }),
      );
      return statuses;
    };
    try {
      await waitForFreshRateWindow({ latestSecond: 40 });
      const first = await send(1200);
      expect(first.filter((s) => s === 200)).toHaveLength(1000);
      expect(first.filter((s) => s === 429)).toHaveLength(200);
      expect(
        (await db.query("SELECT id FROM deliveries WHERE bin_id = 'leased'")).rows,
      ).toHaveLength(1000);
      // Positions are leased ahead, never past the limit by more than the checks in flight.
      const atLimit = await counted();
      expect(atLimit).toBeGreaterThanOrEqual(1000);
      expect(atLimit).toBeLessThanOrEqual(1020);
      // A flood past the limit is refused here: no statement, the shared count stays.
      const flood = await send(300);
      expect(flood.every((s) => s === 429)).toBe(true);
      expect(await counted()).toBe(atLimit);
    } finally {
      await server.stop();
    }
  });
});
