import { describe, expect, it } from "vitest";

import { groupRetries } from "@/lib/analysis/group-retries";
import type { RetryDelivery } from "@/lib/analysis/retry-delivery";

const T0 = Date.parse("2025-03-01T10:00:00Z");

function delivery(
  id: string,
  analysisId: string | null,
  offsetSeconds: number,
  responseStatus: number | null,
): RetryDelivery {
  return { id, analysisId, receivedAt: new Date(T0 + offsetSeconds * 1000), responseStatus };
}

describe("groupRetries", () => {
  it("numbers attempts per analysis id regardless of input order", () => {
    const result = groupRetries({
      deliveries: [
        delivery("d3", "a", 360, 200),
        delivery("d1", "a", 0, 500),
        delivery("d2", "a", 60, null),
      ],
    });
    expect(result.get("d1")).toEqual({ attempt: 1, isDuplicate: false, previousGapSeconds: null });
    expect(result.get("d2")).toEqual({ attempt: 2, isDuplicate: false, previousGapSeconds: 60 });
    expect(result.get("d3")).toEqual({ attempt: 3, isDuplicate: false, previousGapSeconds: 300 });
  });

  it("keeps analysis ids independent, even when interleaved", () => {
    const result = groupRetries({
      deliveries: [
        delivery("a1", "a", 0, 503),
        delivery("b1", "b", 10, 200),
        delivery("a2", "a", 60, 200),
        delivery("b2", "b", 70, 200),
      ],
    });
    expect(result.get("a2")).toEqual({ attempt: 2, isDuplicate: false, previousGapSeconds: 60 });
    expect(result.get("b1")).toEqual({ attempt: 1, isDuplicate: false, previousGapSeconds: null });
    expect(result.get("b2")).toEqual({ attempt: 2, isDuplicate: true, previousGapSeconds: 60 });
  });

  it("marks every delivery after the first 2xx as a duplicate", () => {
    const result = groupRetries({
      deliveries: [
        delivery("d1", "a", 0, 204),
        delivery("d2", "a", 5, 500),
        delivery("d3", "a", 65, 200),
      ],
    });
    expect([...result.values()].map((info) => info.isDuplicate)).toEqual([false, true, true]);
  });

  it("does not count 3xx, 4xx, 5xx or no answer as delivered", () => {
    const result = groupRetries({
      deliveries: [
        delivery("d1", "a", 0, 301),
        delivery("d2", "a", 60, 404),
        delivery("d3", "a", 360, 500),
        delivery("d4", "a", 1260, null),
        delivery("d5", "a", 4860, 200),
      ],
    });
    expect([...result.values()].some((info) => info.isDuplicate)).toBe(false);
  });

  it("orders same-instant deliveries by id", () => {
    const result = groupRetries({
      deliveries: [delivery("z", "a", 0, 200), delivery("m", "a", 0, 200)],
    });
    expect(result.get("m")).toEqual({ attempt: 1, isDuplicate: false, previousGapSeconds: null });
    expect(result.get("z")).toEqual({ attempt: 2, isDuplicate: true, previousGapSeconds: 0 });
  });

  it("treats deliveries without an analysis id as unrelated first attempts", () => {
    const result = groupRetries({
      deliveries: [delivery("x1", null, 0, 200), delivery("x2", null, 60, 200)],
    });
    expect(result.get("x2")).toEqual({ attempt: 1, isDuplicate: false, previousGapSeconds: null });
  });

  it("survives invalid dates without a NaN gap", () => {
    const broken = {
      id: "bad",
      analysisId: "a",
      receivedAt: new Date(Number.NaN),
      responseStatus: 500,
    };
    const result = groupRetries({ deliveries: [broken, delivery("ok", "a", 0, 500)] });
    expect(result.get("ok")?.attempt).toBe(1);
    expect(result.get("bad")).toEqual({ attempt: 2, isDuplicate: false, previousGapSeconds: null });
  });

  it("returns an entry for every delivery and nothing for an empty input", () => {
    expect(groupRetries({ deliveries: [] }).size).toBe(0);
  });
});
