import { describe, expect, it } from "vitest";

import { buildRetryTimeline } from "@/lib/analysis/build-retry-timeline";
import type { RetryDelivery } from "@/lib/analysis/retry-delivery";
import { RETRY_SCHEDULE_SECONDS } from "@/lib/analysis/retry-schedule";

const T0 = Date.parse("2025-03-01T10:00:00Z");

function delivery(id: string, offsetSeconds: number, responseStatus: number | null): RetryDelivery {
  return {
    id,
    analysisId: "a",
    receivedAt: new Date(T0 + offsetSeconds * 1000),
    responseStatus,
  };
}

describe("buildRetryTimeline", () => {
  it("matches a textbook retry run against the documented schedule", () => {
    // Gaps of exactly 1 min, 5 min, 15 min, 1 h and 6 h, then a success.
    const offsets = [0, 60, 360, 1260, 4860, 26460];
    const deliveries = offsets.map((offset, index) =>
      delivery(`d${index + 1}`, offset, index === 5 ? 200 : 500),
    );
    const rows = buildRetryTimeline({ deliveries: [...deliveries].reverse() });
    expect(rows.map((row) => row.deliveryId)).toEqual(["d1", "d2", "d3", "d4", "d5", "d6"]);
    expect(rows.map((row) => row.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((row) => row.kind)).toEqual([
      "first",
      "retry",
      "retry",
      "retry",
      "retry",
      "retry",
    ]);
    expect(rows.map((row) => row.gapSeconds)).toEqual([null, 60, 300, 900, 3600, 21600]);
    expect(rows.map((row) => row.expectedGapSeconds)).toEqual([null, ...RETRY_SCHEDULE_SECONDS]);
    expect(rows.map((row) => row.matchesSchedule)).toEqual([null, true, true, true, true, true]);
    expect(rows[5]).toEqual({
      deliveryId: "d6",
      attempt: 6,
      receivedAt: new Date(T0 + 26460 * 1000),
      responseStatus: 200,
      gapSeconds: 21600,
      expectedGapSeconds: 21600,
      matchesSchedule: true,
      kind: "retry",
    });
  });

  it("allows ±20% or ±10 s, whichever is looser", () => {
    const check = (gap: number, previousGaps: number[] = []) => {
      let offset = 0;
      const deliveries = [delivery("d0", 0, 500)];
      for (const [index, previous] of [...previousGaps, gap].entries()) {
        offset += previous;
        deliveries.push(delivery(`d${index + 1}`, offset, 500));
      }
      return buildRetryTimeline({ deliveries }).at(-1)?.matchesSchedule;
    };
    // Retry 1, expected 60 s: ±12 s (20%) beats ±10 s.
    expect(check(72)).toBe(true);
    expect(check(48)).toBe(true);
    expect(check(73)).toBe(false);
    expect(check(47)).toBe(false);
    // Retry 2, expected 300 s: ±60 s.
    expect(check(360, [60])).toBe(true);
    expect(check(361, [60])).toBe(false);
    expect(check(239, [60])).toBe(false);
    // Retry 4, expected 3600 s: ±720 s.
    expect(check(4320, [60, 300, 900])).toBe(true);
    expect(check(2879, [60, 300, 900])).toBe(false);
  });

  it("flags retries that arrive off schedule", () => {
    const rows = buildRetryTimeline({
      deliveries: [delivery("d1", 0, 500), delivery("d2", 5, 500), delivery("d3", 65, 500)],
    });
    expect(rows.map((row) => row.matchesSchedule)).toEqual([null, false, false]);
    expect(rows.map((row) => row.gapSeconds)).toEqual([null, 5, 60]);
  });

  it("labels redeliveries after a 2xx as duplicates, outside the schedule", () => {
    const rows = buildRetryTimeline({
      deliveries: [
        delivery("d1", 0, 500),
        delivery("d2", 60, 200),
        delivery("d3", 62, 200),
        delivery("d4", 400, null),
      ],
    });
    expect(rows.map((row) => row.kind)).toEqual(["first", "retry", "duplicate", "duplicate"]);
    expect(rows[2]).toMatchObject({
      gapSeconds: 2,
      expectedGapSeconds: null,
      matchesSchedule: null,
    });
  });

  it("counts a timeout (no response) as a failure that earns a retry", () => {
    const rows = buildRetryTimeline({
      deliveries: [delivery("d1", 0, null), delivery("d2", 61, 200)],
    });
    expect(rows[1]).toMatchObject({ kind: "retry", expectedGapSeconds: 60, matchesSchedule: true });
  });

  it("has no expectation past the fifth retry", () => {
    const offsets = [0, 60, 360, 1260, 4860, 26460, 30000];
    const rows = buildRetryTimeline({
      deliveries: offsets.map((offset, index) => delivery(`d${index}`, offset, 500)),
    });
    expect(rows[6]).toMatchObject({
      attempt: 7,
      kind: "retry",
      gapSeconds: 3540,
      expectedGapSeconds: null,
      matchesSchedule: null,
    });
  });

  it("handles empty and single-delivery inputs", () => {
    expect(buildRetryTimeline({ deliveries: [] })).toEqual([]);
    expect(buildRetryTimeline({ deliveries: [delivery("d1", 0, 200)] })).toEqual([
      {
        deliveryId: "d1",
        attempt: 1,
        receivedAt: new Date(T0),
        responseStatus: 200,
        gapSeconds: null,
        expectedGapSeconds: null,
        matchesSchedule: null,
        kind: "first",
      },
    ]);
  });
});
