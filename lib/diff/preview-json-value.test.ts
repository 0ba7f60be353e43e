import { describe, expect, it } from "vitest";
import { previewJsonValue } from "@/lib/diff/preview-json-value";

describe("previewJsonValue", () => {
  it.each([
    [null, "null"],
    [true, "true"],
    [1.5, "1.5"],
    ['a"b', '"a\\"b"'],
    [[], "[]"],
    [{}, "{}"],
    [{ a: [1, { b: null }], c: "x" }, '{"a":[1,{"b":null}],"c":"x"}'],
  ])("writes %j as compact JSON", (value, expected) => {
    expect(previewJsonValue({ value })).toBe(expected);
    expect(previewJsonValue({ value })).toBe(JSON.stringify(value));
  });

  it("cuts long output after maxChars with a trailing …", () => {
    expect(previewJsonValue({ value: "x".repeat(50), maxChars: 10 })).toBe(`"${"x".repeat(9)}…`);
    const wide = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(previewJsonValue({ value: wide, maxChars: 20 })).toBe("[0,1,2,3,4,5,6,7,8,9…");
  });

  it("writes values nested far deeper than JSON.stringify can", () => {
    const deep = JSON.parse("[".repeat(200_000) + "]".repeat(200_000));
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(previewJsonValue({ value: deep, maxChars: 5 })).toBe("[[[[[…");
  });
});
