import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/database/run-migrations";
import { listDeliveryPartitions } from "@/lib/housekeeping/list-delivery-partitions";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { uuidLowerBound, uuidTimestamp } from "@/lib/ids/uuid-lower-bound";
import { setupScratchDatabase } from "@/test/support/setup-scratch-database";
import { startTestServer } from "@/test/support/start-test-server";
import { waitUntil } from "@/test/support/wait-until";

const PARTITIONING = "20261201060000_partition_deliveries";
const COUNTS = "20261201070000_delivery_counts";
const SWEEP_LOCK = 72707370;
const DAY = 86_400_000;
const migrationsDir = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
const scratch = await setupScratchDatabase({ prefix: "webhook_echo_legacy" });
const db = scratch.db;

// The seeded rows as one fingerprint: equal means every one of them is readable, unchanged.
async function fingerprint(): Promise<{ n: number; digest: string }> {
  const { rows } = await db.query<{ n: number; digest: string }>(
    `SELECT count(*)::int AS n, md5(string_agg(id::text || body_sha256 || received_at::text, ',' ORDER BY id)) AS digest
     FROM deliveries WHERE bin_id LIKE 'old-%'`,
  );
  return rows[0]!;
}

async function backfillDone(): Promise<boolean> {
  const { rows } = await db.query<{ done: boolean }>("SELECT done FROM delivery_counts_backfill");
  return rows[0]!.done;
}

/** delivery_counts' figure for old-0 … old-9. */
async function keptCounts(): Promise<number[]> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT (SELECT coalesce(sum(n), 0)::int FROM delivery_counts WHERE bin_id = 'old-' || g) AS n
     FROM generate_series(0, 9) g ORDER BY g`,
  );
  return rows.map((row) => row.n);
}

describe("online migration of an existing install to partitioned deliveries", () => {
  it("keeps every old row readable, never stops captures, and retires the old table with retention", async () => {
    // 1. An install on the previous layout, with 60,000 deliveries of the last three days.
    const before = await mkdtemp(path.join(tmpdir(), "we-migrations-"));
    await cp(migrationsDir, before, { recursive: true });
    // The previous layout: every migration before the partitioning one.
    for (const name of await readdir(before)) {
      if (name >= PARTITIONING && name !== "migration_lock.toml") {
        await rm(path.join(before, name), { recursive: true });
      }
    }
    await runMigrations({ databaseUrl: scratch.url, migrationsDir: before });
    const startMs = Date.now() - 3 * DAY;
    await db.query("INSERT INTO bins (id) SELECT 'old-' || g FROM generate_series(0, 9) g");
    await db.query(
      `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, received_at)
       SELECT (lpad(to_hex($1::bigint + g * 4000), 12, '0') || '7000' || '8000' || lpad(to_hex(g), 12, '0'))::uuid,
              'old-' || (g % 10), 'POST', '/hook', '', '[["Content-Type","text/plain"]]', convert_to('body ' || g, 'UTF8'), 6,
              encode(sha256(convert_to('body ' || g, 'UTF8')), 'hex'), to_timestamp(($1::bigint + g * 4000) / 1000.0)
       FROM generate_series(0, 59999) g`,
      [startMs],
    );
    const seeded = await fingerprint();
    expect(seeded.n).toBe(60_000);

    // 2. The migration: catalog changes only; the old table becomes a partition for every id.
    const { applied } = await runMigrations({ databaseUrl: scratch.url, migrationsDir });
    expect(applied).toEqual([PARTITIONING, COUNTS]);
    expect(await fingerprint()).toEqual(seeded);
    // The counts migration left the old rows to the sweep's backfill: none counted yet.
    expect(await backfillDone()).toBe(false);
    expect(await keptCounts()).toEqual(Array.from({ length: 10 }, () => 0));
    // Old rows deleted before the backfill: the triggers count the deletes (below zero).
    await db.query(
      "DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE bin_id = 'old-3' ORDER BY id LIMIT 100)",
    );
    expect(await keptCounts()).toEqual(Array.from({ length: 10 }, (_, g) => (g === 3 ? -100 : 0)));
    const remaining = await fingerprint();
    expect(remaining.n).toBe(59_900);
    const truth = Array.from({ length: 10 }, (_, g) => (g === 3 ? 5900 : 6000));
    expect((await listDeliveryPartitions()).map((p) => [p.name, p.from, p.to])).toEqual([
      ["deliveries_default", null, null],
      ["deliveries_legacy", null, null],
    ]);

    // 3. A server starts while this test holds the sweep lock, so the narrowing and the
    //    counts' backfill below run here, with captures and reads going on against the server
    //    at the same time. A row lock on bin old-0 holds the backfill's statement at its end
    //    (its foreign key check of old-0's count row), with every lock it takes already held:
    //    captures must go on meanwhile.
    const blocker = new pg.Client({ connectionString: scratch.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("SELECT 1 FROM bins WHERE id = 'old-0' FOR UPDATE");
    const lock = new pg.Client({ connectionString: scratch.url });
    await lock.connect();
    await lock.query("SELECT pg_advisory_lock($1)", [SWEEP_LOCK]);
    const server = await startTestServer({
      databaseUrl: scratch.url,
      env: { SWEEP_INTERVAL_MS: "3600000" },
    });
    await lock.query("SELECT pg_advisory_unlock($1)", [SWEEP_LOCK]);
    await lock.end();
    try {
      let running = true;
      const statuses: number[] = [];
      const seen: Array<{ n: number; digest: string }> = [];
      const capturing = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (running) {
            const response = await fetch(`${server.baseUrl}/echo/during-move`, {
              method: "POST",
              body: "captured while narrowing",
            });
            statuses.push(response.status);
            await response.arrayBuffer();
          }
        }),
      );
      const reading = (async () => {
        while (running) seen.push(await fingerprint());
      })();
      const sweepOnce = () =>
        sweepDeliveries({ now: () => new Date(), retentionDays: 7, maxPerBin: 1_000_000 });
      // The server's first sweep may take the lock the moment this test lets go of it; ours
      // then skips, and runs again once that one is done. A narrowing that meets a long read
      // gives up at its lock timeout and waits for the next sweep: sweep again until it is
      // done (either way the narrowing and the backfill ran while captures and reads went on).
      const narrowed = async () =>
        (await listDeliveryPartitions()).some((p) => p.name === "deliveries_legacy" && p.to);
      const sweeping = (async () => {
        let result = await sweepOnce();
        for (let attempt = 0; !(result.ran && (await narrowed())) && attempt < 400; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          result = await sweepOnce();
        }
        return result;
      })();
      const backfillWaiting = async () => {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE query LIKE '%both_sides%' AND query NOT LIKE '%pg_stat_activity%' AND wait_event_type = 'Lock'`,
        );
        return rows[0]!.n === 1;
      };
      await waitUntil(backfillWaiting, "the backfill to reach old-0's count row", 60_000);
      const capturedBefore = statuses.length;
      await waitUntil(() => statuses.length >= capturedBefore + 20, "captures during the backfill");
      // Until the backfill commits, deliveryCount is counted by scan: exact all the same.
      const during = (await (await fetch(`${server.baseUrl}/api/bins/old-3`)).json()) as {
        deliveryCount: number;
      };
      expect(during.deliveryCount).toBe(5900);
      expect(await backfillWaiting()).toBe(true);
      expect(await backfillDone()).toBe(false);
      expect(statuses.every((status) => status === 200)).toBe(true);
      await blocker.query("COMMIT");
      await blocker.end();
      const sweep = await sweeping;
      expect(await backfillDone()).toBe(true);
      // Keep both going a moment past the narrowing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      running = false;
      await Promise.all([capturing, reading]);

      expect(sweep.ran).toBe(true);
      expect(statuses.length).toBeGreaterThan(0);
      // Every capture answered 200 (the server's log says why, if not).
      expect([...new Set(statuses)], server.output().slice(-3000)).toEqual([200]);
      const { rows: captured } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = 'during-move'",
      );
      expect(captured[0]!.n).toBe(statuses.length);
      // Captures during the narrowing and the backfill were counted once each.
      const { rows: kept } = await db.query<{ n: number }>(
        "SELECT coalesce(sum(n), 0)::int AS n FROM delivery_counts WHERE bin_id = 'during-move'",
      );
      expect(kept[0]!.n).toBe(statuses.length);
      // The backfill added exactly the rows from before the triggers, net of those deleted since.
      expect(await keptCounts()).toEqual(truth);
      const after = (await (await fetch(`${server.baseUrl}/api/bins/old-3`)).json()) as {
        deliveryCount: number;
      };
      expect(after.deliveryCount).toBe(5900);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.n === remaining.n && s.digest === remaining.digest)).toBe(true);

      // The old table now ends at B, the first UTC midnight at least an hour from now, and
      // daily partitions start there.
      const partitions = await listDeliveryPartitions();
      const legacy = partitions.find((p) => p.name === "deliveries_legacy")!;
      expect(legacy.from).toBeNull();
      const bound = uuidTimestamp(legacy.to!)!;
      expect(bound % DAY).toBe(0);
      expect(bound).toBeGreaterThan(Date.now() + 3_600_000 - 60_000);
      const first = partitions.find((p) => p.from === legacy.to);
      expect(first?.name).toBe(
        `deliveries_p${new Date(bound).toISOString().slice(0, 10).replaceAll("-", "")}`,
      );

      // Old rows read through the API as before: the newest page and the oldest row.
      const page = (await (
        await fetch(`${server.baseUrl}/api/bins/old-9/deliveries?limit=5`)
      ).json()) as { deliveries: Array<{ id: string }> };
      const { rows: newest } = await db.query<{ id: string }>(
        "SELECT id FROM deliveries WHERE bin_id = 'old-9' ORDER BY id DESC LIMIT 5",
      );
      expect(page.deliveries.map((d) => d.id)).toEqual(newest.map((r) => r.id));
      const { rows: oldest } = await db.query<{ id: string }>(
        "SELECT id FROM deliveries WHERE bin_id = 'old-0' ORDER BY id LIMIT 1",
      );
      const detail = await fetch(`${server.baseUrl}/api/bins/old-0/deliveries/${oldest[0]!.id}`);
      expect(detail.status).toBe(200);
      expect(((await detail.json()) as { bodyText?: string; id: string }).id).toBe(oldest[0]!.id);
    } finally {
      await server.stop();
    }

    // 4. Retention retires the old table whole once B is past the window.
    const legacyEnd = uuidTimestamp(
      (await listDeliveryPartitions()).find((p) => p.name === "deliveries_legacy")!.to!,
    )!;
    const notYet = await sweepDeliveries({
      now: () => new Date(legacyEnd + 6 * DAY),
      retentionDays: 7,
      maxPerBin: 1_000_000,
    });
    expect(notYet.droppedPartitions).not.toContain("deliveries_legacy");
    const later = await sweepDeliveries({
      now: () => new Date(legacyEnd + 7 * DAY + 60_000),
      retentionDays: 7,
      maxPerBin: 1_000_000,
    });
    expect(later.droppedPartitions).toContain("deliveries_legacy");
    // Dropping it took its counts along.
    expect(await keptCounts()).toEqual(Array.from({ length: 10 }, () => 0));
    const { rows: gone } = await db.query("SELECT to_regclass('deliveries_legacy') AS t");
    expect(gone).toEqual([{ t: null }]);
    expect((await fingerprint()).n).toBe(0);
    // The day that starts at B is not wholly past the window: it stays.
    expect((await listDeliveryPartitions()).map((p) => p.from)).toContain(
      uuidLowerBound(legacyEnd),
    );
  });
});
