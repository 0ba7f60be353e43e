import { describe, expect, it } from "vitest";
import { planStatsWindow } from "@/lib/deliveries/plan-stats-window";

const at = (iso: string) => () => new Date(iso);

describe("planStatsWindow", () => {
  it.each([
    [
      "1h",
      "2026-12-01T10:17:42.123Z",
      60,
      60,
      "2026-12-01T09:18:00.000Z",
      "2026-12-01T10:18:00.000Z",
    ],
    [
      "24h",
      "2026-12-01T10:17:42.123Z",
      1800,
      48,
      "2026-11-30T10:30:00.000Z",
      "2026-12-01T10:30:00.000Z",
    ],
    [
      "7d",
      "2026-12-01T10:17:42.123Z",
      10800,
      56,
      "2026-11-24T12:00:00.000Z",
      "2026-12-01T12:00:00.000Z",
    ],
  ] as const)(
    "%s: aligned buckets, the last one holds now",
    (window, now, size, count, from, to) => {
      const plan = planStatsWindow({ window, now: at(now) });
      expect(plan).toEqual({
        bucketSeconds: size,
        bucketCount: count,
        from: new Date(from),
        to: new Date(to),
      });
      expect(plan.to.getTime() - plan.from.getTime()).toBe(size * count * 1000);
      expect(plan.to.getTime()).toBeGreaterThan(Date.parse(now));
      expect(plan.to.getTime() - size * 1000).toBeLessThanOrEqual(Date.parse(now));
    },
  );

  it("a moment on a bucket boundary starts a new last bucket", () => {
    const plan = planStatsWindow({ window: "1h", now: at("2026-12-01T10:18:00.000Z") });
    expect(plan.to.toISOString()).toBe("2026-12-01T10:19:00.000Z");
  });
});
