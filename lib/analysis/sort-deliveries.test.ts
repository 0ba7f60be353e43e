import { describe, expect, it } from "vitest";

import type { RetryDelivery } from "@/lib/analysis/retry-delivery";
import { sortDeliveries } from "@/lib/analysis/sort-deliveries";

function delivery(id: string, receivedAt: Date): RetryDelivery {
  return { id, analysisId: "a", receivedAt, responseStatus: null };
}

describe("sortDeliveries", () => {
  it("orders by time, then id, without mutating the input", () => {
    const t = (seconds: number) => new Date(Date.UTC(2025, 2, 1, 10, 0, seconds));
    const deliveries = [
      delivery("c", t(5)),
      delivery("b", t(1)),
      delivery("a", t(5)),
      delivery("d", t(0)),
    ];
    const sorted = sortDeliveries({ deliveries });
    expect(sorted.map((item) => item.id)).toEqual(["d", "b", "a", "c"]);
    expect(deliveries.map((item) => item.id)).toEqual(["c", "b", "a", "d"]);
  });

  it("puts invalid dates last, ordered by id", () => {
    const invalid = new Date(Number.NaN);
    const deliveries = [
      delivery("y", invalid),
      delivery("x", invalid),
      delivery("ok", new Date(0)),
    ];
    expect(sortDeliveries({ deliveries }).map((item) => item.id)).toEqual(["ok", "x", "y"]);
  });

  it("keeps extra fields of richer delivery types", () => {
    const deliveries = [{ ...delivery("a", new Date(0)), bodySize: 10 }];
    expect(sortDeliveries({ deliveries })[0]?.bodySize).toBe(10);
  });
});
