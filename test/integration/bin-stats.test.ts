import { describe, expect, it } from "vitest";
import type { BinStats } from "@/lib/deliveries/get-bin-stats.types";
import {
  healthScenario,
  seedDeliveries,
  type SeededDelivery,
} from "@/test/support/seed-deliveries";
import { setupTestServer } from "@/test/support/setup-test-server";
import { startTestServer } from "@/test/support/start-test-server";

const suite = setupTestServer();

const MIN = 60_000;

async function getStats(binId: string, query = "") {
  const response = await fetch(`${suite.server.baseUrl}/api/bins/${binId}/stats${query}`);
  return {
    status: response.status,
    body: (await response.json()) as BinStats & { error?: string },
  };
}

/** Expected deliveries per bucket start, from the buckets the server chose. */
function expectedBuckets(stats: BinStats, seeded: SeededDelivery[]): number[] {
  const size = stats.bucketSeconds * 1000;
  return stats.buckets.map((bucket) => {
    const start = Date.parse(bucket.start);
    return seeded.filter((row) => row.at.getTime() >= start && row.at.getTime() < start + size)
      .length;
  });
}

describe("GET /api/bins/<id>/stats", () => {
  it("counts deliveries per bucket, answer class, verdict, attempts and retry gap, exactly", async () => {
    const bin = await suite.createBin();
    const now = Date.now();
    const seeded = healthScenario({ now, staleVerdict: true });
    await seedDeliveries({ pool: suite.db.pool, binId: bin.id, deliveries: seeded });

    const hour = await getStats(bin.id, "?window=1h");
    expect(hour.status).toBe(200);
    const lastHour = seeded.filter((row) => row.at.getTime() >= Date.parse(hour.body.from));
    expect(lastHour).toHaveLength(9);
    expect(hour.body).toMatchObject({
      binId: bin.id,
      window: "1h",
      bucketSeconds: 60,
      total: 9,
      answers: { "2xx": 3, "3xx": 0, "4xx": 1, "5xx": 5, other: 0 },
      signatures: { valid: 4, invalid: 1, missing: 1, no_secret: 2, unjudged: 1 },
    });
    expect(hour.body.buckets).toHaveLength(60);
    expect(hour.body.buckets.map((bucket) => bucket.total)).toEqual(
      expectedBuckets(hour.body, seeded),
    );
    const aBucket = hour.body.buckets.find(
      (bucket) =>
        Date.parse(bucket.start) <= now - 30 * MIN &&
        now - 30 * MIN < Date.parse(bucket.start) + MIN,
    );
    expect(aBucket?.answers).toMatchObject({ "5xx": 1 });
    // Attempts count every delivery of an analysis in the bin, also those before the window.
    expect(hour.body.retries).toEqual({
      analyses: 3,
      attemptsPerAnalysis: [
        { attempts: 2, analyses: 1 },
        { attempts: 3, analyses: 1 },
        { attempts: 4, analyses: 1 },
      ],
      retries: 4,
      duplicates: 1,
      beyondSchedule: 0,
      schedule: [
        {
          retry: 1,
          expectedSeconds: 60,
          count: 2,
          onSchedule: 1,
          early: 1,
          late: 0,
          medianSeconds: 45,
          minSeconds: 30,
          maxSeconds: 60,
        },
        {
          retry: 2,
          expectedSeconds: 300,
          count: 2,
          onSchedule: 1,
          early: 0,
          late: 1,
          medianSeconds: (300 + 4130) / 2,
          minSeconds: 300,
          maxSeconds: 4130,
        },
        ...[900, 3600, 21600].map((expectedSeconds, index) => ({
          retry: index + 3,
          expectedSeconds,
          count: 0,
          onSchedule: 0,
          early: 0,
          late: 0,
          medianSeconds: null,
          minSeconds: null,
          maxSeconds: null,
        })),
      ],
    });

    const day = await getStats(bin.id, "?window=24h");
    expect(day.body).toMatchObject({
      window: "24h",
      bucketSeconds: 1800,
      total: 12,
      answers: { "2xx": 4, "4xx": 1, "5xx": 7 },
      signatures: { valid: 4, invalid: 3, missing: 2, no_secret: 2, unjudged: 1 },
    });
    expect(day.body.buckets).toHaveLength(48);
    expect(day.body.buckets.map((bucket) => bucket.total)).toEqual(
      expectedBuckets(day.body, seeded),
    );
    expect(day.body.retries).toMatchObject({ analyses: 3, retries: 5, duplicates: 1 });
    expect(day.body.retries.schedule[0]).toMatchObject({
      count: 3,
      onSchedule: 2,
      early: 1,
      medianSeconds: 60,
    });

    // No window: the last 24 hours. A week: 56 buckets of 3 h.
    const fallback = await getStats(bin.id);
    expect(fallback.body).toMatchObject({ window: "24h", total: 12 });
    const week = await getStats(bin.id, "?window=7d");
    expect(week.body).toMatchObject({ window: "7d", bucketSeconds: 10800, total: 12 });
    expect(week.body.buckets).toHaveLength(56);
  });

  it("an existing bin without deliveries: zeros, not an error", async () => {
    const bin = await suite.createBin();
    const { status, body } = await getStats(bin.id, "?window=1h");
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    expect(body.buckets.every((bucket) => bucket.total === 0)).toBe(true);
    expect(body.retries).toMatchObject({ analyses: 0, attemptsPerAnalysis: [], retries: 0 });
  });

  it("refuses a bad window or bin id with 400 JSON, an unknown bin with 404", async () => {
    const bin = await suite.createBin();
    for (const query of [
      "?window=2h",
      "?window=",
      "?window=1H",
      "?window=24h&window=7d&window=x",
    ]) {
      const { status, body } = await getStats(bin.id, query);
      if (query.startsWith("?window=24h&")) {
        // The first value counts, as everywhere in the API.
        expect(status, query).toBe(200);
        continue;
      }
      expect(status, query).toBe(400);
      expect(body.error).toBe("bad_request");
    }
    const malformed = await getStats("bad.id", "?window=1h");
    expect(malformed.status).toBe(400);
    const unknown = await getStats("never-sent-to-this-bin", "?window=1h");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe("not_found");
  });

  it("is readable by anyone with the link and carries no owner data", async () => {
    const bin = await suite.createBin();
    const secret = "whsec_stats-never-shown";
    expect(
      (await suite.putSettings(bin.id, { webhookSecret: secret }, bin.ownerToken)).status,
    ).toBe(200);
    await seedDeliveries({
      pool: suite.db.pool,
      binId: bin.id,
      deliveries: [{ at: new Date(), responseStatus: 200, verdict: "invalid" }],
    });
    const response = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/stats?window=1h`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).not.toContain(secret);
    expect(text).not.toContain(bin.ownerToken);
    expect(JSON.parse(text)).toMatchObject({ total: 1, signatures: { invalid: 1 } });
  });

  it("an overview too heavy for the statement timeout is stopped with 503 search_timeout", async () => {
    const strict = await startTestServer({
      databaseUrl: suite.databaseUrl,
      env: { SEARCH_STATEMENT_TIMEOUT_MS: "1" },
    });
    try {
      const bin = await suite.createBin();
      // 50,000 small deliveries over the last week: far more than 1 ms of aggregation.
      await suite.db.query(
        `INSERT INTO deliveries (id, bin_id, method, path, query, headers, body, body_size, body_sha256,
           received_at, analysis_id, response_status)
         SELECT (lpad(to_hex((extract(epoch FROM ts) * 1000)::bigint), 12, '0') || '70008'
             || lpad(to_hex(g), 15, '0'))::uuid,
           $1, 'POST', '/', '', '[]'::jsonb, '\\x00'::bytea, 1, repeat('0', 64), ts, 'an_' || (g / 3), 500
         FROM (SELECT g, now() - make_interval(secs => g * 12) AS ts
               FROM generate_series(0, 49999) g) s`,
        [bin.id],
      );
      const response = await fetch(`${strict.baseUrl}/api/bins/${bin.id}/stats?window=7d`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: "search_timeout",
        message: expect.stringContaining("shorter window"),
      });
    } finally {
      await strict.stop();
    }
  });
});
