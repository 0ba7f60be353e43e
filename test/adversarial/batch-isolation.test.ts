import { beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";

// Issue 12, item 3: what PostgreSQL refuses for one row must never cost another row its place
// in the same group-commit batch.
const suite = setupTestServer({
  env: { RATE_LIMIT_IP_PER_MINUTE: "0", RATE_LIMIT_BIN_PER_MINUTE: "0" },
  resetEachTest: false,
});
const db = suite.db;

// Starts from empty tables; the tests of this file build on each other's rows.
beforeAll(() => db.reset());

// Each is valid JSON; the escapes are JSON's (the bytes hold a backslash, not a NUL).
const crafted = [
  // Analysis id with U+0000: text columns refuse it (22021).
  String.raw`{"id":"x\u0000y","object":"analysis"}`,
  // Analysis id with a lone surrogate: not valid Unicode.
  String.raw`{"id":"an_\ud800","object":"analysis","status":"completed"}`,
  // \u0000 inside another string field (jsonb would refuse it as an escape, 22P05).
  String.raw`{"id":"an_ok_1","object":"analysis","transcript":{"text":"a\u0000b"}}`,
];

async function post(bin: string, body: string) {
  const response = await fetch(`${suite.server.baseUrl}/echo/${bin}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text };
}

describe("batch isolation", () => {
  it("25 concurrent deliveries to bin B all commit alongside crafted bodies to bin A, which are stored byte-exact with the bad derived field null", async () => {
    for (let round = 0; round < 3; round++) {
      // The crafted bodies go out amid the burst, so they share batches with B's deliveries.
      const sends: Array<{ bin: string; body: string }> = [];
      for (let i = 0; i < 30; i++) {
        sends.push({ bin: "batch-b", body: JSON.stringify({ round, i }) });
        if (i % 10 === 4) sends.push({ bin: "batch-a", body: crafted[(i - 4) / 10]! });
      }
      const answers = await Promise.all(sends.map(({ bin, body }) => post(bin, body)));
      const refused = answers.flatMap((answer, i) =>
        answer.status === 200 ? [] : [`${sends[i]!.bin}: ${answer.status}`],
      );
      // Never a 5xx for anyone: B's deliveries and the crafted ones all 200.
      expect(refused).toEqual([]);
    }

    const { rows: b } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = 'batch-b'",
    );
    expect(b[0]!.n).toBe(90);
    const { rows: a } = await db.query<{ body: Buffer; analysis_id: string | null }>(
      "SELECT body, analysis_id FROM deliveries WHERE bin_id = 'batch-a'",
    );
    expect(a).toHaveLength(9);
    for (const row of a) {
      const sent = crafted.find((body) => body === row.body.toString("utf8"));
      // Byte-exact: the backslash escapes are stored as sent.
      expect(sent).toBeDefined();
      expect(Buffer.compare(row.body, Buffer.from(sent!))).toBe(0);
      // The NUL and lone-surrogate ids are dropped; a clean id next to a NUL elsewhere stays.
      expect(row.analysis_id).toBe(sent === crafted[2] ? "an_ok_1" : null);
    }
  });

  it("the stored crafted deliveries read back through the API (no 500 on the way out)", async () => {
    const response = await fetch(`${suite.server.baseUrl}/api/bins/batch-a/deliveries`);
    expect(response.status).toBe(200);
  });
});
