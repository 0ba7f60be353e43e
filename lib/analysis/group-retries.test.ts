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

/**
 * Groups the deliveries and spells out each one's retry info, in input order:
 * "#<attempt>", then " dup" when it came after a 2xx, then " +<gap>s" after its predecessor.
 */
function grouped(...deliveries: RetryDelivery[]): Record<string, string> {
  const result = groupRetries({ deliveries });
  return Object.fromEntries(
    deliveries.map(({ id }) => {
      const info = result.get(id)!;
      const duplicate = info.isDuplicate ? " dup" : "";
      const gap = info.previousGapSeconds === null ? "" : ` +${info.previousGapSeconds}s`;
      return [id, `#${info.attempt}${duplicate}${gap}`];
    }),
  );
}

describe("groupRetries", () => {
  // One analysis's deliveries as [id, seconds after the first, answered status].
  // prettier-ignore
  it.each<[string, Array<[string, number, number | null]>, Record<string, string>]>([
    ["numbers attempts regardless of input order",
      [["d3", 360, 200], ["d1", 0, 500], ["d2", 60, null]],
      { d3: "#3 +300s", d1: "#1", d2: "#2 +60s" }],
    ["marks every delivery after the first 2xx as a duplicate",
      [["d1", 0, 204], ["d2", 5, 500], ["d3", 65, 200]],
      { d1: "#1", d2: "#2 dup +5s", d3: "#3 dup +60s" }],
    ["does not count 3xx, 4xx, 5xx or no answer as delivered",
      [["d1", 0, 301], ["d2", 60, 404], ["d3", 360, 500], ["d4", 1260, null], ["d5", 4860, 200]],
      { d1: "#1", d2: "#2 +60s", d3: "#3 +300s", d4: "#4 +900s", d5: "#5 +3600s" }],
    ["orders same-instant deliveries by id",
      [["z", 0, 200], ["m", 0, 200]],
      { z: "#2 dup +0s", m: "#1" }],
  ])("%s", (_why, rows, expected) => {
    const deliveries = rows.map(([id, seconds, status]) => delivery(id, "a", seconds, status));
    expect(grouped(...deliveries)).toEqual(expected);
  });

  it("keeps analysis ids independent, even when interleaved", () => {
    expect(
      grouped(
        delivery("a1", "a", 0, 503),
        delivery("b1", "b", 10, 200),
        delivery("a2", "a", 60, 200),
        delivery("b2", "b", 70, 200),
      ),
    ).toEqual({ a1: "#1", b1: "#1", a2: "#2 +60s", b2: "#2 dup +60s" });
  });

  it("treats deliveries without an analysis id as unrelated first attempts", () => {
    expect(grouped(delivery("x1", null, 0, 200), delivery("x2", null, 60, 200))).toEqual({
      x1: "#1",
      x2: "#1",
    });
  });

  it("survives invalid dates without a NaN gap", () => {
    const broken = { ...delivery("bad", "a", 0, 500), receivedAt: new Date(Number.NaN) };
    expect(grouped(broken, delivery("ok", "a", 0, 500))).toEqual({ bad: "#2", ok: "#1" });
  });

  it("returns an entry for every delivery and nothing for an empty input", () => {
    expect(groupRetries({ deliveries: [] }).size).toBe(0);
  });
});
