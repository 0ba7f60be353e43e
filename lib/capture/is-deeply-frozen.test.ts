import { describe, expect, it } from "vitest";
import { isDeeplyFrozen } from "@/lib/capture/is-deeply-frozen";

describe("isDeeplyFrozen", () => {
  it("is true only when the object and every object inside it are frozen", () => {
    expect(isDeeplyFrozen({ value: Object.freeze({ a: 1, b: "x", c: null }) })).toBe(true);
    const inner = Object.freeze([Object.freeze({ k: "v" })]);
    expect(isDeeplyFrozen({ value: Object.freeze({ list: inner }) })).toBe(true);
    expect(isDeeplyFrozen({ value: { a: 1 } })).toBe(false);
    expect(isDeeplyFrozen({ value: Object.freeze({ headers: {} }) })).toBe(false);
    expect(isDeeplyFrozen({ value: Object.freeze({ list: Object.freeze([{}]) }) })).toBe(false);
  });
});
