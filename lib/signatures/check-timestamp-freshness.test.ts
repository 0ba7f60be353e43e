import { describe, expect, it } from "vitest";

import { checkTimestampFreshness } from "@/lib/signatures/check-timestamp-freshness";
import { parseUnixTimestamp } from "@/lib/signatures/parse-unix-timestamp";

const now = () => new Date("2025-01-01T00:00:00.900Z");
const nowSeconds = Date.parse("2025-01-01T00:00:00Z") / 1000;

describe("checkTimestampFreshness", () => {
  it("accepts timestamps within 300 s either way", () => {
    expect(checkTimestampFreshness({ timestamp: nowSeconds - 300, now })).toEqual({
      fresh: true,
      age: "timestamp is 300 s old",
    });
    expect(checkTimestampFreshness({ timestamp: nowSeconds + 300, now }).fresh).toBe(true);
  });

  it("reports stale timestamps in the past and in the future", () => {
    expect(checkTimestampFreshness({ timestamp: nowSeconds - 1234, now })).toMatchObject({
      fresh: false,
      reason: "stale: timestamp is 1234 s old (tolerance 300 s)",
    });
    expect(checkTimestampFreshness({ timestamp: nowSeconds + 301, now })).toMatchObject({
      fresh: false,
      reason: "stale: timestamp is 301 s in the future (tolerance 300 s)",
    });
  });
});

describe("parseUnixTimestamp", () => {
  it("accepts plain decimal seconds only", () => {
    expect(parseUnixTimestamp("1735689600")).toBe(1735689600);
    for (const text of ["", "1e9", "0x10", "-5", "1.5", " 12", "1".repeat(13)]) {
      expect(parseUnixTimestamp(text)).toBeNull();
    }
  });
});
