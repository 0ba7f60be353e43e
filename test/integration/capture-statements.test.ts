import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { insertDeliveries } from "@/lib/capture/insert-deliveries";
import { getBinToucher } from "@/lib/capture/get-bin-toucher";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { LIVE_STATEMENTS } from "@/lib/database/live-statements";
import { toPgTextArray } from "@/lib/database/to-pg-text-array";
import { getDeliverySummaries } from "@/lib/deliveries/get-delivery-summaries";
import { readLiveSummaries } from "@/lib/deliveries/read-live-summaries";
import { isDatabaseOutage } from "@/lib/database/is-database-outage";
import { isRowDataError } from "@/lib/database/is-row-data-error";
import { setDatabaseUrl } from "@/lib/database-url";
import { getPgPool } from "@/lib/get-pg-pool";
import { getRateLimiter } from "@/lib/rate-limits/get-rate-limiter";
import { buildTestDeliveryRecord } from "@/test/support/build-test-delivery-record";
import { findClosedPort } from "@/test/support/find-closed-port";
import { createTestDb } from "@/test/support/test-db";
import { waitUntil } from "@/test/support/wait-until";

// The capture path's statements run on pg directly (lib/database/capture-statements.ts): these
// prove them against the migrated schema, and that pg's own errors are classified like
// Prisma's were (row data error -> 400 for that row, outage -> 503, anything else a bug).
const databaseUrl = inject("databaseUrl");
setDatabaseUrl(databaseUrl);
const db = createTestDb(databaseUrl);
afterAll(async () => {
  await db.close();
  await getPgPool().end();
});
beforeEach(() => db.reset());

const record = (overrides: Partial<DeliveryRecord> = {}) =>
  buildTestDeliveryRecord({ binId: "stmt-bin", ...overrides });

/**
 * Another writer (a batch in flight, here or on another instance) holds row "order-a"
 * uncommitted. Our statement names "order-b" before "order-a": it must wait on "order-a"
 * before it takes "order-b", or the other writer's next row, "order-b", closes a deadlock
 * and PostgreSQL fails one of the two (40P01, a 503 to a sender).
 */
async function expectLocksInOrder({
  otherFirst,
  ours,
  otherSecond,
}: {
  otherFirst: string;
  ours: () => Promise<unknown>;
  otherSecond: string;
}): Promise<void> {
  const other = await db.pool.connect();
  try {
    await other.query("BEGIN");
    await other.query(otherFirst);
    const running = ours();
    running.catch(() => {});
    await waitUntil(async () => {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
      );
      return rows[0]!.n > 0;
    }, "our statement to wait on the other writer's row");
    // Had ours taken "order-b" first, this would wait on it, and one of the two would fail.
    await other.query(otherSecond);
    await other.query("COMMIT");
    await running;
  } finally {
    other.release();
  }
}

describe("capture statements on pg", () => {
  it("every statement prepares against the migrated schema", async () => {
    const client = await db.pool.connect();
    try {
      const {
        insertDeliveries: insert,
        insertDeliveriesIfDefaults: ifDefaults,
        ...fixed
      } = CAPTURE_STATEMENTS;
      const statements = [
        insert(1),
        insert(100),
        ifDefaults(1),
        ifDefaults(100),
        ...Object.values(fixed),
        ...Object.values(LIVE_STATEMENTS),
      ];
      for (const { name, text } of statements) {
        await client.query(`PREPARE ${name} AS ${text}`);
        await client.query(`DEALLOCATE ${name}`);
      }
    } finally {
      client.release();
    }
  });

  it("stores a large binary body byte-exact and creates its bin in the same statement", async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const receivedAt = new Date("2026-06-01T12:00:00.123Z");
    const first = record({ body, bodySize: body.length, receivedAt });
    const second = record({ binId: "stmt-other", receivedAt });
    await insertDeliveries([first, second]);
    const rows = await db.query<{ body: Buffer; received_at: Date; headers: unknown }>(
      "SELECT body, received_at, headers FROM deliveries WHERE id = $1",
      [first.id],
    );
    expect(rows.rows[0]!.body.equals(body)).toBe(true);
    expect(rows.rows[0]!.received_at.toISOString()).toBe("2026-06-01T12:00:00.123Z");
    expect(rows.rows[0]!.headers).toEqual([["Content-Type", "application/json"]]);
    const bins = await db.query<{ id: string; created_at: Date }>(
      "SELECT id, created_at FROM bins ORDER BY id",
    );
    expect(bins.rows.map((b) => [b.id, b.created_at.toISOString()])).toEqual([
      ["stmt-bin", "2026-06-01T12:00:00.123Z"],
      ["stmt-other", "2026-06-01T12:00:00.123Z"],
    ]);
  });

  it("reads the text arrays capture sends as pg's own array parameters", async () => {
    const items = [
      "plain",
      "NULL",
      "null",
      'qu"ote',
      "back\\slash",
      "com,ma",
      "{br}",
      " sp ",
      "ü€",
    ];
    const { rows } = await db.query<{ ours: string[]; theirs: string[] }>(
      "SELECT $1::varchar[] AS ours, $2::varchar[] AS theirs, $3::varchar[] AS none",
      [toPgTextArray({ items }), items, toPgTextArray({ items: [] })],
    );
    expect(rows[0]).toEqual({ ours: items, theirs: items, none: [] });
  });

  it("creates new bins in one order, so two batches creating the same bins never deadlock", async () => {
    await expectLocksInOrder({
      otherFirst: "INSERT INTO bins (id, created_at) VALUES ('order-a', now())",
      ours: () => insertDeliveries([record({ binId: "order-b" }), record({ binId: "order-a" })]),
      otherSecond:
        "INSERT INTO bins (id, created_at) VALUES ('order-b', now()) ON CONFLICT (id) DO NOTHING",
    });
    const { rows } = await db.query<{ bin_id: string }>(
      "SELECT bin_id FROM deliveries ORDER BY bin_id",
    );
    expect(rows.map((row) => row.bin_id)).toEqual(["order-a", "order-b"]);
  });

  it("counts rate-limit keys in one order, so two batches sharing keys never deadlock", async () => {
    // Two batches in flight share ip:<address> and list bin: keys in arrival order.
    const window = new Date("2026-06-01T12:00:00Z");
    const bump = (key: string) =>
      `INSERT INTO rate_limit_counters (key, window_start, count) VALUES ('${key}', '${window.toISOString()}', 1)
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1`;
    await expectLocksInOrder({
      otherFirst: bump("order-a"),
      ours: () =>
        getPgPool().query({
          ...CAPTURE_STATEMENTS.incrementRateCounters,
          values: [
            ["order-b", "order-a"],
            [window, window],
            [1, 1],
          ],
        }),
      otherSecond: bump("order-b"),
    });
    const { rows } = await db.query<{ key: string; count: number }>(
      "SELECT key, count FROM rate_limit_counters ORDER BY key",
    );
    expect(rows).toEqual([
      { key: "order-a", count: 2 },
      { key: "order-b", count: 2 },
    ]);
  });

  it.each([
    {
      statement: "touchBins",
      set: "last_delivery_at = '2026-06-01T12:00:00Z'",
      values: [new Date("2026-06-02T00:00:00Z"), new Date("2026-06-02T00:00:00Z")],
      read: "to_char(last_delivery_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS v",
      expected: ["2026-06-02", "2026-06-02"],
    },
    {
      statement: "addRejected",
      set: "rejected_count = rejected_count + 1",
      values: [3, 3],
      read: "rejected_count AS v",
      expected: [4, 4],
    },
  ] as const)(
    "$statement locks bins in id order, so it never deadlocks with another writer",
    async ({ statement, set, values, read, expected }) => {
      // "order-b" first on disk: a plan that scans bins, or the ids in the order given, would
      // lock it before "order-a".
      await db.query(
        "INSERT INTO bins (id, created_at) VALUES ('order-b', '2026-01-01'), ('order-a', '2026-01-01')",
      );
      await expectLocksInOrder({
        otherFirst: `UPDATE bins SET ${set} WHERE id = 'order-a'`,
        ours: () =>
          getPgPool().query({
            ...CAPTURE_STATEMENTS[statement],
            values: [["order-b", "order-a"], [...values]],
          }),
        otherSecond: `UPDATE bins SET ${set} WHERE id = 'order-b'`,
      });
      const { rows } = await db.query<{ v: unknown }>(`SELECT ${read} FROM bins ORDER BY id`);
      expect(rows.map((row) => row.v)).toEqual(expected);
    },
  );

  it("touchBins moves last_delivery_at forward only", async () => {
    await db.query(
      "INSERT INTO bins (id, created_at, last_delivery_at) VALUES ('touch-new', '2026-01-01', '2026-06-02'), ('touch-old', '2026-01-01', '2026-06-01')",
    );
    const at = new Date("2026-06-01T12:00:00Z");
    await getPgPool().query({
      ...CAPTURE_STATEMENTS.touchBins,
      values: [
        ["touch-new", "touch-old"],
        [at, at],
      ],
    });
    const { rows } = await db.query<{ id: string; at: string }>(
      "SELECT id, to_char(last_delivery_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS at FROM bins ORDER BY id",
    );
    expect(rows).toEqual([
      { id: "touch-new", at: "2026-06-02 00:00" },
      { id: "touch-old", at: "2026-06-01 12:00" },
    ]);
  });

  it("the bin toucher writes each bin's latest capture time, to the millisecond", async () => {
    await db.query(
      "INSERT INTO bins (id, created_at) VALUES ('touch-a', '2026-01-01'), ('touch-b', '2026-01-01')",
    );
    const toucher = getBinToucher();
    toucher.touch("touch-a", new Date("2026-06-01T12:00:00.123Z"));
    toucher.touch("touch-a", new Date("2026-06-01T12:00:00.456Z"));
    toucher.touch("touch-a", new Date("2026-06-01T11:00:00.000Z"));
    toucher.touch("touch-b", new Date("2026-06-02T00:00:00.007Z"));
    await toucher.flush();
    const { rows } = await db.query<{ id: string; at: string }>(
      `SELECT id, to_char(last_delivery_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS at
       FROM bins WHERE id LIKE 'touch-%' ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "touch-a", at: "2026-06-01 12:00:00.456" },
      { id: "touch-b", at: "2026-06-02 00:00:00.007" },
    ]);
  });

  it("a value PostgreSQL refuses is a row data error, not an outage", async () => {
    const error = await insertDeliveries([record({ method: "X".repeat(40) })]).catch((e) => e);
    expect(error).toBeInstanceOf(pg.DatabaseError);
    expect([isRowDataError(error), isDatabaseOutage(error)]).toEqual([true, false]);
    expect((await db.query("SELECT 1 FROM deliveries")).rowCount).toBe(0);
  });

  it("the rate limiter's totals come back per key and window (timestamptz parsed to Date)", async () => {
    const limiter = getRateLimiter();
    const rules = [{ key: "bin:stmt-bin", limit: 2 }];
    const decisions = await Promise.all([1, 2, 3].map(() => limiter.check(rules)));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
  });

  it("pg's own connection errors are outages: refused, terminated by the server", async () => {
    const closed = new pg.Pool({
      connectionString: `postgresql://postgres@127.0.0.1:${await findClosedPort()}/postgres`,
      connectionTimeoutMillis: 2000,
    });
    const refused = await closed.query("SELECT 1").catch((e) => e);
    await closed.end();
    expect(isDatabaseOutage(refused)).toBe(true);

    const victim = new pg.Client({ connectionString: databaseUrl });
    await victim.connect();
    victim.on("error", () => {});
    const pid = (await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!
      .pid;
    const sleeping = victim.query("SELECT pg_sleep(10)").catch((e) => e);
    await db.query("SELECT pg_terminate_backend($1)", [pid]);
    const terminated = await sleeping;
    await victim.end().catch(() => {});
    expect(isDatabaseOutage(terminated)).toBe(true);
    expect(isRowDataError(terminated)).toBe(false);
  });

  it("our own SQL mistake is neither (a bug: 500)", async () => {
    const error = await getPgPool()
      .query("SELECT no_such_column FROM deliveries")
      .catch((e) => e);
    expect([isRowDataError(error), isDatabaseOutage(error)]).toEqual([false, false]);
  });
});

describe("the live read on pg", () => {
  const verdict = (status: string) => ({ scheme: "callcov", status, reason: status });

  it("reads a batch's summaries (any bins) with the verdicts still current, and only those", async () => {
    const current = record({
      binId: "live-bin",
      signature: verdict("valid"),
      signatureVersion: "v2",
      conformanceSchema: "callcov-analysis@1",
      conformanceValid: false,
    });
    const oldSecret = record({
      binId: "live-bin",
      signature: verdict("invalid"),
      signatureVersion: "v1",
      conformanceSchema: null,
    });
    const noSchema = record({
      binId: "live-bin",
      conformanceSchema: "callcov-analysis@1",
      conformanceValid: null,
    });
    const otherBin = record({ binId: "live-other" });
    await insertDeliveries([current, oldSecret, noSchema, otherBin]);
    await db.query("UPDATE bins SET secret_version = 'v2' WHERE id = 'live-bin'");
    const ids = [noSchema.id, otherBin.id, current.id, oldSecret.id];

    const { deliveries, known } = await readLiveSummaries({ ids });
    // The same summaries as the Prisma read, oldest first, of every bin named.
    expect(deliveries).toEqual(
      [
        ...(await getDeliverySummaries({ binId: "live-bin", ids })),
        ...(await getDeliverySummaries({ binId: "live-other", ids })),
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect(deliveries.map((d) => d.id)).toEqual([...ids].sort());
    expect(known.signatures).toEqual(new Map([[current.id, verdict("valid")]]));
    expect(known.conformance).toEqual(
      new Map([
        [current.id, { schema: "callcov-analysis@1", valid: false }],
        [noSchema.id, null],
      ]),
    );

    // A schema of the bin's own makes the CallCov verdicts stale.
    await db.query("UPDATE bins SET json_schema_name = 'bin@0123456789ab' WHERE id = 'live-bin'");
    expect((await readLiveSummaries({ ids })).known.conformance.size).toBe(0);
  });
});
