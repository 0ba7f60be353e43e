import { describe, expect, it } from "vitest";

import { toRecord } from "@/lib/analysis/to-record";

describe("toRecord", () => {
  it("returns key/value objects as they are", () => {
    const value = { a: 1 };
    expect(toRecord({ value })).toBe(value);
    expect(toRecord({ value: {} })).toEqual({});
  });

  it.each([null, undefined, [], [1], "x", 0, true])("returns null for %j", (value) => {
    expect(toRecord({ value })).toBeNull();
  });
});
