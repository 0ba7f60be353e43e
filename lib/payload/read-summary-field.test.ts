import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "@/lib/payload/classify-body";
import { readSummaryField } from "@/lib/payload/read-summary-field";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readSummaryField", () => {
  const body = bytes(
    JSON.stringify({
      event: { type: "charge.succeeded", count: 3, ok: true, none: null },
      items: [{ sku: "A-1" }],
      long: "x".repeat(300),
    }),
  );

  it.each([
    ["event.type", "charge.succeeded"],
    ["event.count", "3"],
    ["event.ok", "true"],
    ["event.none", "null"],
    ["items.0.sku", "A-1"],
    ["event", '{"type":"charge.succeeded","count":3,"ok":true,"none":null}'],
    ["event.missing", null],
    ["items.1.sku", null],
    ["event.type.length", null],
    ["__proto__", null],
    ["constructor", null],
  ])("%s -> %s", (path, expected) => {
    expect(readSummaryField({ body, path })).toBe(expected);
  });

  it("shortens long values", () => {
    const value = readSummaryField({ body, path: "long" });
    expect(value).toHaveLength(120);
    expect(value?.endsWith("…")).toBe(true);
  });

  it("reads a body with a BOM and ignores what is not JSON", () => {
    expect(readSummaryField({ body: bytes('\uFEFF{"a":"b"}'), path: "a" })).toBe("b");
    expect(readSummaryField({ body: bytes("a=b"), path: "a" })).toBeNull();
    expect(readSummaryField({ body: new Uint8Array([0x7b, 0xff]), path: "a" })).toBeNull();
  });

  describe("nesting bombs from a sender", () => {
    const nest = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

    it.each([30_000, 3_000])(
      "shows nothing for a value %i levels deep, without throwing",
      (depth) => {
        expect(readSummaryField({ body: bytes(`{"a":${nest(depth)}}`), path: "a" })).toBeNull();
      },
    );

    it("shows nothing for a deep document at the top level (60 KB of brackets)", () => {
      expect(readSummaryField({ body: bytes(nest(30_000)), path: "0" })).toBeNull();
    });

    it("reads JSON as deep as the viewer shows as JSON, and no deeper", () => {
      const deepest = readSummaryField({
        body: bytes(`{"a":${nest(MAX_JSON_DEPTH - 1)}}`),
        path: "a",
      });
      expect(deepest).toBe(`${"[".repeat(119)}…`);
      expect(
        readSummaryField({ body: bytes(`{"a":${nest(MAX_JSON_DEPTH)}}`), path: "a" }),
      ).toBeNull();
    });
  });
});
