import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { runMigrations } from "@/lib/database/run-migrations";
import { getBinOrThrow } from "@/lib/bins/get-bin-or-throw";
import { ensureDeliveryPartitions } from "@/lib/housekeeping/ensure-delivery-partitions";
import { listDeliveryPartitions } from "@/lib/housekeeping/list-delivery-partitions";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";
import { setupScratchDatabase } from "@/test/support/setup-scratch-database";

// Its own database: these sweeps run with clocks days away from today and drop partitions.
const scratch = await setupScratchDatabase({ prefix: "webhook_echo_partitions" });
await runMigrations({
  databaseUrl: scratch.url,
  migrationsDir: path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations"),
});
const db = scratch.db;

const DAY = 86_400_000;
// A fixed clock far from today, so real partitions of this database never get in the way.
const t0 = Date.UTC(2031, 2, 10);
let seeded = 0;

async function seed(binId: string, times: number[]): Promise<string[]> {
  await db.query("INSERT INTO bins (id) VALUES ($1) ON CONFLICT DO NOTHING", [binId]);
  const ids: string[] = [];
  for (const at of times) {
    const id = uuidLowerBound(at).slice(0, 24) + (++seeded).toString(16).padStart(12, "0");
    await db.query(
      `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, received_at)
       VALUES ($1, $2, 'POST', '', '', '[]', '\\x', 0, repeat('0', 64), $3)`,
      [id, binId, new Date(at)],
    );
    ids.push(id);
  }
  return ids;
}

async function partitionOf(id: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT tableoid::regclass::text AS name FROM deliveries WHERE id = $1",
    [id],
  );
  return rows[0]?.name ?? "(missing)";
}

const day = (ms: number) =>
  `deliveries_p${new Date(ms).toISOString().slice(0, 10).replaceAll("-", "")}`;

beforeEach(() => db.reset());

describe("daily partitions of deliveries", () => {
  it("a fresh database starts with the default partition only; the sweep creates yesterday to a week ahead", async () => {
    const before = await listDeliveryPartitions();
    expect(before.filter((p) => !p.isDefault).map((p) => p.name)).not.toContain(day(t0));
    expect(before.filter((p) => p.isDefault).map((p) => p.name)).toEqual(["deliveries_default"]);
    const result = await sweepDeliveries({
      now: () => new Date(t0),
      retentionDays: 7,
      maxPerBin: 1000,
    });
    expect(result.createdPartitions).toEqual(
      Array.from({ length: 9 }, (_, i) => day(t0 + (i - 1) * DAY)),
    );
    const partitions = await listDeliveryPartitions();
    const today = partitions.find((p) => p.name === day(t0));
    expect(today).toMatchObject({ from: uuidLowerBound(t0), to: uuidLowerBound(t0 + DAY) });
    // Again: nothing new, nothing failed.
    const again = await sweepDeliveries({
      now: () => new Date(t0),
      retentionDays: 7,
      maxPerBin: 1000,
    });
    expect(again.createdPartitions).toEqual([]);
  });

  it("a row whose day has no partition is stored in the default one, and moves into its day's partition when that is created", async () => {
    const later = t0 + 20 * DAY + 3_600_000;
    const [id] = await seed("early", [later]);
    expect(await partitionOf(id!)).toBe("deliveries_default");
    await ensureDeliveryPartitions({ now: () => new Date(later) });
    expect(await partitionOf(id!)).toBe(day(later));
    const { rows } = await db.query("SELECT count(*)::int AS n FROM deliveries_default");
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("retention drops partitions wholly past the window, deletes the expired rows of the partly live one, keeps the rest", async () => {
    await ensureDeliveryPartitions({ now: () => new Date(t0), daysBehind: 0, daysAhead: 6 });
    const times = [0, 1, 2, 3.2, 3.8, 5].map((d) => t0 + d * DAY + 1000);
    await seed("aging", times);
    // Cutoff t0 + 3.5 days: the partitions of days 0..2 end before it; day 3 straddles it.
    const now = t0 + 10.5 * DAY;
    // Created first, so the size compared below is only what retention leaves.
    await ensureDeliveryPartitions({ now: () => new Date(now) });
    const sizeBefore = await db.query<{ bytes: string }>(
      `SELECT sum(pg_total_relation_size(inhrelid))::text AS bytes FROM pg_inherits WHERE inhparent = 'deliveries'::regclass`,
    );
    const result = await sweepDeliveries({
      now: () => new Date(now),
      retentionDays: 7,
      maxPerBin: 1000,
    });
    expect(result.droppedPartitions).toEqual(
      expect.arrayContaining([day(t0), day(t0 + DAY), day(t0 + 2 * DAY)]),
    );
    expect(result.droppedPartitions).not.toContain(day(t0 + 3 * DAY));
    expect(result.expired).toBe(1);
    const { rows } = await db.query<{ received_at: Date }>(
      "SELECT received_at FROM deliveries ORDER BY id",
    );
    expect(rows.map((r) => r.received_at.getTime())).toEqual([times[4], times[5]]);
    const names = (await listDeliveryPartitions()).map((p) => p.name);
    expect(names).not.toContain(day(t0));
    expect(names).toContain(day(t0 + 3 * DAY));
    const sizeAfter = await db.query<{ bytes: string }>(
      `SELECT sum(pg_total_relation_size(inhrelid))::text AS bytes FROM pg_inherits WHERE inhparent = 'deliveries'::regclass`,
    );
    expect(BigInt(sizeAfter.rows[0]!.bytes)).toBeLessThan(BigInt(sizeBefore.rows[0]!.bytes));
  });

  it("the per-bin cap trims across partitions in batches, oldest first", async () => {
    await ensureDeliveryPartitions({ now: () => new Date(t0), daysBehind: 0, daysAhead: 3 });
    const times = Array.from({ length: 12_000 }, (_, i) => t0 + Math.floor((i * 3 * DAY) / 12_000));
    await db.query("INSERT INTO bins (id) VALUES ('big') ON CONFLICT DO NOTHING");
    // One statement for 12,000 rows spread over three daily partitions.
    await db.query(
      `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, received_at)
       SELECT (lpad(to_hex(ms), 12, '0') || '7000' || '8000' || lpad(to_hex(g), 12, '0'))::uuid, 'big', 'POST', '', '', '[]', '\\x', 0, repeat('0', 64), to_timestamp(ms / 1000.0)
       FROM unnest($1::bigint[]) WITH ORDINALITY AS t(ms, g)`,
      [times],
    );
    const keep = 1500;
    const result = await sweepDeliveries({
      now: () => new Date(t0 + 3 * DAY),
      retentionDays: 7,
      maxPerBin: keep,
    });
    expect(result.overCap).toBe(12_000 - keep);
    const { rows } = await db.query<{ n: number; oldest: Date }>(
      "SELECT count(*)::int AS n, min(received_at) AS oldest FROM deliveries WHERE bin_id = 'big'",
    );
    expect(rows[0]!.n).toBe(keep);
    expect(rows[0]!.oldest.getTime()).toBe(times[12_000 - keep]);
  });
});

/** One statement for all rows, as a capture batch: `times[i]` goes to bin `bins[i % n]`. */
async function seedBatch(bins: string[], times: number[]): Promise<void> {
  await db.query("INSERT INTO bins (id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", [bins]);
  await db.query(
    `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, received_at)
     SELECT (lpad(to_hex(ms), 12, '0') || '7000' || '8000' || lpad(to_hex(g), 12, '0'))::uuid,
       ($2::text[])[(g - 1) % array_length($2::text[], 1) + 1], 'POST', '', '', '[]', '\\x', 0, repeat('0', 64), to_timestamp(ms / 1000.0)
     FROM unnest($1::bigint[]) WITH ORDINALITY AS t(ms, g)`,
    [times, bins],
  );
}

/** Each bin's deliveryCount (the API's figure) next to a count of its rows. */
async function counts(bins: string[]): Promise<Array<[number, number]>> {
  return Promise.all(
    bins.map(async (binId) => {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = $1",
        [binId],
      );
      return [(await getBinOrThrow({ binId })).deliveryCount, rows[0]!.n] as [number, number];
    }),
  );
}

describe("deliveryCount across retention", () => {
  it("stays exact when the sweep drops whole day partitions, deletes expired rows and trims to the cap", async () => {
    await ensureDeliveryPartitions({ now: () => new Date(t0), daysBehind: 0, daysAhead: 6 });
    // 3,000 rows over days 0..5 for two bins; a third bin only on day 5.
    const times = Array.from({ length: 3000 }, (_, i) => t0 + Math.floor((i * 6 * DAY) / 3000));
    await seedBatch(["a", "b"], times);
    await seedBatch(["c"], [t0 + 5 * DAY + 1000, t0 + 5 * DAY + 2000]);
    expect(await counts(["a", "b", "c"])).toEqual([
      [1500, 1500],
      [1500, 1500],
      [2, 2],
    ]);

    // Cutoff t0 + 3.5 days: days 0..2 are dropped whole, half of day 3 is deleted row by row,
    // and the cap then trims each bin to its newest 600.
    const now = t0 + 10.5 * DAY;
    await ensureDeliveryPartitions({ now: () => new Date(now) });
    const result = await sweepDeliveries({
      now: () => new Date(now),
      retentionDays: 7,
      maxPerBin: 600,
    });
    expect(result.droppedPartitions).toHaveLength(3);
    expect(result.expired).toBeGreaterThan(0);
    expect(result.overCap).toBeGreaterThan(0);
    expect(await counts(["a", "b", "c"])).toEqual([
      [600, 600],
      [600, 600],
      [2, 2],
    ]);
    // The dropped days left no count behind.
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM delivery_counts WHERE day < $1",
      [Math.floor((t0 + 3 * DAY) / DAY)],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("stays exact when rows move from the default partition into their day's, and after a TRUNCATE", async () => {
    const later = t0 + 20 * DAY;
    await seedBatch(["d"], [later + 1000, later + 2000, later + 3000]);
    expect(await counts(["d"])).toEqual([[3, 3]]);
    await ensureDeliveryPartitions({ now: () => new Date(later) });
    expect(await counts(["d"])).toEqual([[3, 3]]);
    await db.query("TRUNCATE deliveries");
    expect(await counts(["d"])).toEqual([[0, 0]]);
  });
});
