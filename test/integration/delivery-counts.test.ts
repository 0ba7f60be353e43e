import { createHash, createHmac, randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";
import { seedDeliveries } from "@/test/support/seed-deliveries";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();
const SECRET = "whsec_counts-secret";
const DAY = 86_400_000;

/** What GET /api/bins/<id> says (the count the triggers keep). */
async function apiCount(binId: string): Promise<number> {
  const response = await fetch(`${suite.server.baseUrl}/api/bins/${binId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveryCount: number }).deliveryCount;
}

/** The rows, counted: every (bin, day, verdict versions) group of delivery_counts against them. */
async function expectCountsExact(): Promise<void> {
  const { rows } = await suite.db.query(
    `WITH kept AS (
       SELECT bin_id, day, signature_version, conformance_schema, sum(n)::int AS n
       FROM delivery_counts GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0),
     real AS (
       SELECT bin_id, webhook_echo_uuid_day(id) AS day, signature_version, conformance_schema, count(*)::int AS n
       FROM deliveries GROUP BY 1, 2, 3, 4)
     (SELECT 'kept' AS side, * FROM kept EXCEPT SELECT 'kept', * FROM real)
     UNION ALL
     (SELECT 'real', * FROM real EXCEPT SELECT 'real', * FROM kept)`,
  );
  expect(rows).toEqual([]);
}

async function capture(binId: string, body: string): Promise<string> {
  const response = await fetch(`${suite.server.baseUrl}/echo/${binId}`, { method: "POST", body });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

const del = (path: string, token: string) =>
  fetch(`${suite.server.baseUrl}${path}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${token}` },
  });

describe("deliveryCount, kept by PostgreSQL", () => {
  it("stays exact across captures, deleting one, clearing and deleting the bin", async () => {
    const bin = await suite.createBin();
    const other = await suite.createBin();
    expect(await apiCount(bin.id)).toBe(0);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await capture(bin.id, `{"n":${i}}`));
    await capture(other.id, "other");
    expect(await apiCount(bin.id)).toBe(5);
    expect(await apiCount(other.id)).toBe(1);

    expect((await del(`/api/bins/${bin.id}/deliveries/${ids[2]}`, bin.ownerToken)).status).toBe(
      204,
    );
    expect(await apiCount(bin.id)).toBe(4);
    await expectCountsExact();

    expect((await del(`/api/bins/${bin.id}/deliveries`, bin.ownerToken)).status).toBe(204);
    expect(await apiCount(bin.id)).toBe(0);
    await capture(bin.id, "after the clear");
    expect(await apiCount(bin.id)).toBe(1);

    expect((await del(`/api/bins/${bin.id}`, bin.ownerToken)).status).toBe(204);
    const { rows } = await suite.db.query("SELECT * FROM delivery_counts WHERE bin_id = $1", [
      bin.id,
    ]);
    expect(rows).toEqual([]);
    // The id stays valid: the next delivery makes a fresh bin that counts from zero.
    await capture(bin.id, "a fresh bin");
    expect(await apiCount(bin.id)).toBe(1);
    expect(await apiCount(other.id)).toBe(1);
    await expectCountsExact();
  });

  it("stays exact under concurrent captures into one bin", async () => {
    const bin = await suite.createBin();
    const total = 400;
    const senders = Array.from({ length: 40 }, async (_, sender) => {
      for (let i = 0; i < total / 40; i++) await capture(bin.id, `${sender}-${i}`);
    });
    await Promise.all(senders);
    expect(await apiCount(bin.id)).toBe(total);
    await expectCountsExact();
  });

  it("stays exact when many transactions write one bin at once (slots, row locks, rollbacks)", async () => {
    const bin = await suite.createBin();
    const pool = new pg.Pool({ connectionString: suite.databaseUrl, max: 8 });
    try {
      const writers = Array.from({ length: 8 }, async (_, writer) => {
        for (let round = 0; round < 10; round++) {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            const ids = Array.from({ length: 20 }, () =>
              createUuidV7({ now: Date.now, randomBytes }),
            );
            await client.query(
              `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256, received_at)
               SELECT id, $1, 'POST', '', '', '[]', '\\x', 0, repeat('0', 64), now() FROM unnest($2::uuid[]) id`,
              [bin.id, ids],
            );
            // Some rows go again in the same transaction, and every third transaction is undone.
            await client.query("DELETE FROM deliveries WHERE id = ANY($1::uuid[])", [
              ids.slice(0, writer % 3),
            ]);
            await client.query(round % 3 === 0 ? "ROLLBACK" : "COMMIT");
          } finally {
            client.release();
          }
        }
      });
      await Promise.all(writers);
    } finally {
      await pool.end();
    }
    const { rows } = await suite.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = $1",
      [bin.id],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(await apiCount(bin.id)).toBe(rows[0]!.n);
    await expectCountsExact();
  });
});

/** A delivery signed with SECRET (forged: a wrong signature), cached under an older secret. */
async function seedStaleSigned(binId: string, at: number, forged: boolean): Promise<string> {
  const body = Buffer.from(`{"at":${at}}`);
  const signature = forged
    ? "0".repeat(64)
    : createHmac("sha256", SECRET).update(body).digest("hex");
  const id = createUuidV7({ now: () => at, randomBytes });
  await suite.db.query(
    `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256,
       content_type, received_at, response_status, signature, signature_version)
     VALUES ($1, $2, 'POST', '/hook', '', $3::jsonb, $4, $5, $6, 'application/json', $7, 200,
       '{"scheme":null,"status":"missing","reason":"seeded"}', 'an-older-secret')`,
    [
      id,
      binId,
      JSON.stringify([
        ["Content-Type", "application/json"],
        ["X-CallCov-Signature", signature],
      ]),
      body,
      body.length,
      createHash("sha256").update(body).digest("hex"),
      new Date(at),
    ],
  );
  return id;
}

async function listIds(binId: string, query: string): Promise<string[]> {
  const response = await fetch(`${suite.server.baseUrl}/api/bins/${binId}/deliveries?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveries: Array<{ id: string }> }).deliveries.map(
    (row) => row.id,
  );
}

async function createBinWithSecret() {
  const bin = await suite.createBin();
  expect((await suite.putSettings(bin.id, { webhookSecret: SECRET }, bin.ownerToken)).status).toBe(
    200,
  );
  return bin;
}

/** `count` deliveries over the last two days judged under the bin's secret: every `nth` invalid. */
function seedCurrent(binId: string, count: number, nth: number): Promise<string[]> {
  const start = Date.now() - 2 * DAY;
  return seedDeliveries({
    pool: suite.db.pool,
    binId,
    deliveries: Array.from({ length: count }, (_, i) => ({
      at: new Date(start + Math.floor((i * 2 * DAY) / (count + 1))),
      responseStatus: 200,
      verdict: i % nth === 0 ? "invalid" : "valid",
    })),
  });
}

describe("the signature filter with the stale check read from the counts", () => {
  it("with no stale verdict, finds exactly the cached invalid ones and judges nothing", async () => {
    const bin = await createBinWithSecret();
    const ids = await seedCurrent(bin.id, 300, 9);
    const invalid = ids.filter((_, i) => i % 9 === 0).reverse();
    expect(await listIds(bin.id, "signature=invalid&limit=100")).toEqual(invalid);
    // Judging again would have said "missing" (no signature header): nothing was re-judged.
    const { rows } = await suite.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries WHERE bin_id = $1 AND signature->>'reason' <> 'seeded'`,
      [bin.id],
    );
    expect(rows[0]!.n).toBe(0);
    await expectCountsExact();
  });

  it("with stale verdicts days below the current ones, finds and judges them, and the right rows come back", async () => {
    const bin = await createBinWithSecret();
    const old = Date.now() - 3 * DAY;
    const forged: string[] = [];
    const genuine: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = await seedStaleSigned(bin.id, old + i * 1000, i % 2 === 0);
      (i % 2 === 0 ? forged : genuine).push(id);
    }
    const current = await seedCurrent(bin.id, 700, 250);
    const currentInvalid = current.filter((_, i) => i % 250 === 0).reverse();

    expect(await listIds(bin.id, "signature=invalid&limit=50")).toEqual([
      ...currentInvalid,
      ...forged.reverse(),
    ]);
    const judged = await suite.db.query<{ id: string; status: string }>(
      `SELECT id::text, signature->>'status' AS status FROM deliveries WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [genuine],
    );
    expect(judged.rows).toEqual(genuine.map((id) => ({ id, status: "valid" })));
    const { rows } = await suite.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliveries d JOIN bins b ON b.id = d.bin_id
       WHERE d.bin_id = $1 AND d.signature_version IS DISTINCT FROM b.secret_version`,
      [bin.id],
    );
    expect(rows[0]!.n).toBe(0);
    await expectCountsExact();
  });

  it("after a secret change every verdict is stale, and the first page still comes from the newest rows", async () => {
    const bin = await suite.createBin();
    const start = Date.now() - DAY;
    for (let i = 0; i < 30; i++) await seedStaleSigned(bin.id, start + i * 1000, i % 3 === 0);
    expect(
      (await suite.putSettings(bin.id, { webhookSecret: SECRET }, bin.ownerToken)).status,
    ).toBe(200);
    const ids = await listIds(bin.id, "signature=invalid&limit=5");
    expect(ids).toHaveLength(5);
    const { rows } = await suite.db.query<{ id: string }>(
      `SELECT id::text FROM deliveries WHERE bin_id = $1 AND headers->1->>1 = $2 ORDER BY id DESC LIMIT 5`,
      [bin.id, "0".repeat(64)],
    );
    expect(ids).toEqual(rows.map((row) => row.id));
    await expectCountsExact();
  });
});
