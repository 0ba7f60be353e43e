import { describe, expect, it } from "vitest";

import { measureGapSeconds } from "@/lib/analysis/measure-gap-seconds";

describe("measureGapSeconds", () => {
  const from = new Date("2025-03-01T10:00:00Z");

  it("measures in seconds, keeping fractions", () => {
    expect(measureGapSeconds({ from, to: new Date("2025-03-01T10:01:00.500Z") })).toBe(60.5);
    expect(measureGapSeconds({ from, to: from })).toBe(0);
  });

  it("is null without an earlier delivery or with an invalid date", () => {
    expect(measureGapSeconds({ from: undefined, to: from })).toBeNull();
    expect(measureGapSeconds({ from, to: new Date(Number.NaN) })).toBeNull();
    expect(measureGapSeconds({ from: new Date(Number.NaN), to: from })).toBeNull();
  });
});
