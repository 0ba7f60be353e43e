import { describe, expect, it } from "vitest";
import { seedDeliveries } from "@/test/support/seed-deliveries";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();
// The owner's schema: "n" must be a whole number. Every 7th seeded body breaks it.
const SCHEMA = { type: "object", properties: { n: { type: "integer" } }, required: ["n"] };
const COUNT = 1100;

type Page = { deliveries: Array<{ id: string }>; nextCursor: string | null };

async function listPage(binId: string, query: string): Promise<Page> {
  const response = await fetch(`${suite.server.baseUrl}/api/bins/${binId}/deliveries?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe('the "invalid" conformance filter right after a schema change', () => {
  it("judges newest first, only as far as each page needs, and still finds exactly the failing ones", async () => {
    const bin = await suite.createBin();
    expect((await suite.putSettings(bin.id, { jsonSchema: SCHEMA }, bin.ownerToken)).status).toBe(
      200,
    );
    // Stored without a verdict under the new schema, as every delivery is right after a change.
    const start = Date.now() - COUNT - 60_000;
    const ids = await seedDeliveries({
      pool: suite.db.pool,
      binId: bin.id,
      deliveries: Array.from({ length: COUNT }, (_, i) => ({
        at: new Date(start + i),
        responseStatus: 200,
        body: JSON.stringify({ n: i % 7 === 0 ? "seven" : i }),
      })),
    });
    const failing = ids.filter((_, i) => i % 7 === 0).reverse();

    const first = await listPage(bin.id, "conformance=invalid&limit=20");
    expect(first.deliveries.map((row) => row.id)).toEqual(failing.slice(0, 20));
    // The first page did not need the whole bin judged.
    const { rows } = await suite.db.query<{ stale: string }>(
      `SELECT count(*) AS stale FROM deliveries d JOIN bins b ON b.id = d.bin_id
       WHERE d.bin_id = $1 AND d.conformance_schema IS DISTINCT FROM b.json_schema_name`,
      [bin.id],
    );
    expect(Number(rows[0]!.stale)).toBeGreaterThan(0);

    // Paging on finds every failing delivery once, in order, across the judging chunks.
    const found = first.deliveries.map((row) => row.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await listPage(bin.id, `conformance=invalid&limit=200&before=${cursor}`);
      found.push(...page.deliveries.map((row) => row.id));
      cursor = page.nextCursor;
    }
    expect(found).toEqual(failing);
    const valid = await listPage(bin.id, "conformance=valid&limit=200");
    expect(valid.deliveries.map((row) => row.id)).toEqual(
      ids
        .filter((_, i) => i % 7 !== 0)
        .reverse()
        .slice(0, 200),
    );
  });
});
