import { createHash, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();
const SECRET = "whsec_filter-secret";

/**
 * Seeds `count` CallCov-signed deliveries (every 7th forged) with no verdict cached, as after a
 * secret change; returns the forged ids, newest first.
 */
async function seedSigned(binId: string, count: number): Promise<string[]> {
  const start = Date.now() - count - 60_000;
  const rows = Array.from({ length: count }, (_, i) => {
    const body = Buffer.from(`{"n":${i}}`);
    const signature =
      i % 7 === 0 ? "0".repeat(64) : createHmac("sha256", SECRET).update(body).digest("hex");
    return {
      id: createUuidV7({ now: () => start + i, randomBytes }),
      body,
      headers: JSON.stringify([
        ["Content-Type", "application/json"],
        ["X-CallCov-Signature", signature],
      ]),
      sha: createHash("sha256").update(body).digest("hex"),
      at: new Date(start + i),
      forged: i % 7 === 0,
    };
  });
  await suite.db.query(
    `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256,
       content_type, received_at, response_status)
     SELECT id, $1, 'POST', '/hook', '', headers::jsonb, body, octet_length(body), sha,
       'application/json', at, 200
     FROM unnest($2::uuid[], $3::text[], $4::bytea[], $5::text[], $6::timestamptz[])
       AS t(id, headers, body, sha, at)`,
    [
      binId,
      rows.map((row) => row.id),
      rows.map((row) => row.headers),
      rows.map((row) => row.body),
      rows.map((row) => row.sha),
      rows.map((row) => row.at),
    ],
  );
  return rows
    .filter((row) => row.forged)
    .map((row) => row.id)
    .reverse();
}

describe('the "invalid" signature filter right after a secret change', () => {
  it("judges newest first, only as far as each page needs, and still finds exactly the forged ones", async () => {
    const bin = await suite.createBin();
    const forged = await seedSigned(bin.id, 1500);
    expect(
      (await suite.putSettings(bin.id, { webhookSecret: SECRET }, bin.ownerToken)).status,
    ).toBe(200);

    const first = await (
      await fetch(
        `${suite.server.baseUrl}/api/bins/${bin.id}/deliveries?signature=invalid&limit=20`,
      )
    ).json();
    expect(first.deliveries.map((row: { id: string }) => row.id)).toEqual(forged.slice(0, 20));
    // The first page did not need the whole bin judged.
    const { rows } = await suite.db.query<{ stale: string }>(
      `SELECT count(*) AS stale FROM deliveries d JOIN bins b ON b.id = d.bin_id
       WHERE d.bin_id = $1 AND d.signature_version IS DISTINCT FROM b.secret_version`,
      [bin.id],
    );
    expect(Number(rows[0]!.stale)).toBeGreaterThan(0);

    // Paging on finds every forged delivery once, in order, across the judging chunks.
    const found: string[] = first.deliveries.map((row: { id: string }) => row.id);
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = await (
        await fetch(
          `${suite.server.baseUrl}/api/bins/${bin.id}/deliveries?signature=invalid&limit=200&before=${cursor}`,
        )
      ).json();
      found.push(...page.deliveries.map((row: { id: string }) => row.id));
      cursor = page.nextCursor;
    }
    expect(found).toEqual(forged);
    const valid = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries?signature=valid&limit=200`)
    ).json();
    expect(valid.deliveries).toHaveLength(200);
    expect(
      valid.deliveries.every(
        (row: { signature: { status: string } }) => row.signature.status === "valid",
      ),
    ).toBe(true);
  });
});
