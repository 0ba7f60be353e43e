import { describe, expect, it } from "vitest";
import { buildBinStats, type RawBinStats } from "@/lib/deliveries/build-bin-stats";
import { planStatsWindow } from "@/lib/deliveries/plan-stats-window";

const plan = planStatsWindow({ window: "1h", now: () => new Date("2026-12-01T10:00:30Z") });
const empty: RawBinStats = { buckets: [], verdicts: [], attempts: [], gaps: [], duplicates: 0 };

describe("buildBinStats", () => {
  it("an empty bin: every bucket and schedule step present, all zeros", () => {
    const stats = buildBinStats({ binId: "b", window: "1h", plan, raw: empty });
    expect(stats.total).toBe(0);
    expect(stats.buckets).toHaveLength(60);
    expect(stats.buckets[0]).toEqual({
      start: "2026-12-01T09:01:00.000Z",
      total: 0,
      answers: { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, other: 0 },
    });
    expect(stats.buckets[59]!.start).toBe("2026-12-01T10:00:00.000Z");
    expect(stats.signatures).toEqual({
      valid: 0,
      invalid: 0,
      missing: 0,
      no_secret: 0,
      unjudged: 0,
    });
    expect(
      stats.retries.schedule.map((step) => [step.retry, step.expectedSeconds, step.count]),
    ).toEqual([
      [1, 60, 0],
      [2, 300, 0],
      [3, 900, 0],
      [4, 3600, 0],
      [5, 21600, 0],
    ]);
    expect(stats.retries.schedule[0]!.medianSeconds).toBeNull();
    expect(stats).toMatchObject({
      from: plan.from.toISOString(),
      to: plan.to.toISOString(),
      bucketSeconds: 60,
    });
  });

  it("fills sparse groups, sums classes and verdicts, and counts strangers as other/unjudged", () => {
    const stats = buildBinStats({
      binId: "b",
      window: "1h",
      plan,
      raw: {
        buckets: [
          { i: 59, cls: "2xx", n: 3 },
          { i: 59, cls: "5xx", n: 2 },
          { i: 10, cls: "4xx", n: 1 },
          { i: 10, cls: "weird", n: 1 },
          // Outside the window (a clock step between planning and the query): ignored.
          { i: 60, cls: "2xx", n: 9 },
        ],
        verdicts: [
          { verdict: "valid", n: 4 },
          { verdict: "missing", n: 2 },
          { verdict: "something-new", n: 1 },
        ],
        attempts: [
          { attempts: 3, n: 1 },
          { attempts: 1, n: 5 },
        ],
        gaps: [
          { retry: 2, n: 1, on: 1, early: 0, late: 0, median: 290, min: 290, max: 290 },
          { retry: 1, n: 2, on: 1, early: 0, late: 1, median: 90, min: 60, max: 120 },
          { retry: 6, n: 4, on: 0, early: 0, late: 0, median: 100, min: 1, max: 200 },
        ],
        duplicates: 2,
      },
    });
    expect(stats.total).toBe(7);
    expect(stats.answers).toEqual({ "2xx": 3, "3xx": 0, "4xx": 1, "5xx": 2, other: 1 });
    expect(stats.buckets[59]).toMatchObject({ total: 5, answers: { "2xx": 3, "5xx": 2 } });
    expect(stats.buckets[10]).toMatchObject({ total: 2, answers: { "4xx": 1, other: 1 } });
    expect(stats.buckets.reduce((sum, bucket) => sum + bucket.total, 0)).toBe(stats.total);
    expect(stats.signatures).toEqual({
      valid: 4,
      invalid: 0,
      missing: 2,
      no_secret: 0,
      unjudged: 1,
    });
    expect(stats.retries).toMatchObject({
      analyses: 6,
      attemptsPerAnalysis: [
        { attempts: 1, analyses: 5 },
        { attempts: 3, analyses: 1 },
      ],
      retries: 7,
      duplicates: 2,
      beyondSchedule: 4,
    });
    expect(stats.retries.schedule[0]).toEqual({
      retry: 1,
      expectedSeconds: 60,
      count: 2,
      onSchedule: 1,
      early: 0,
      late: 1,
      medianSeconds: 90,
      minSeconds: 60,
      maxSeconds: 120,
    });
    expect(stats.retries.schedule[1]).toMatchObject({ retry: 2, count: 1, medianSeconds: 290 });
  });
});
