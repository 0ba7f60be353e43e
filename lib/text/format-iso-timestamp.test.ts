import { describe, expect, it } from "vitest";
import { formatIsoTimestamp } from "@/lib/text/format-iso-timestamp";

describe("formatIsoTimestamp", () => {
  it("equals toISOString for every millisecond of a second, and across seconds and days", () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 0);
    for (let ms = start; ms < start + 3000; ms++) {
      const date = new Date(ms);
      expect(formatIsoTimestamp({ date })).toBe(date.toISOString());
    }
  });

  it("equals toISOString out of order, before 1970 and at the edges of the 4-digit years", () => {
    for (const ms of [
      Date.UTC(2026, 0, 1, 0, 0, 0, 5),
      0,
      -1,
      -1500,
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(2026, 0, 1, 0, 0, 0, 50),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1),
      Date.UTC(-1, 0, 1),
    ]) {
      const date = new Date(ms);
      expect(formatIsoTimestamp({ date })).toBe(date.toISOString());
    }
  });
});
