import { describe, expect, it } from "vitest";
import { stringifySafely } from "@/lib/payload/stringify-safely";

const cycle: Record<string, unknown> = {};
cycle.self = cycle;

describe("stringifySafely", () => {
  it.each([
    [{ a: 1 }, {}, '{"a":1}'],
    [{ a: 1 }, { indent: 2 }, '{\n  "a": 1\n}'],
    ["x", {}, '"x"'],
    [undefined, {}, "undefined"],
    [10n, {}, "10"],
    [cycle, {}, "[object Object]"],
    [[1, 2, 3, 4], { maxChars: 4 }, "[1,2…"],
    [[1, 2], { maxChars: 5 }, "[1,2]"],
  ])("%o with %o -> %j", (value, options, expected) => {
    expect(stringifySafely({ value, ...options })).toBe(expected);
  });
});
