import { describe, expect, it } from "vitest";
import { extractAnalysisId } from "@/lib/analysis/extract-analysis-id";

const encode = (text: string) => new TextEncoder().encode(text);

describe("extractAnalysisId", () => {
  it.each([
    ['{"id":"a-1","object":"analysis","status":"completed"}', "a-1"],
    [' \n{"id":"a-2","object":"analysis","status":"failed","error_message":"x"}', "a-2"],
    ['{"id":"a-3","status":"completed","results":{}}', "a-3"],
    ['{"id":"x","object":"charge"}', null],
    ['{"id":42,"object":"analysis","status":"completed"}', null],
    ["[1,2]", null],
    ["not json", null],
    ['{"id":"a","object":"analysis"', null],
    ["", null],
  ])("%s -> %s", (text, expected) => {
    expect(extractAnalysisId({ body: encode(text) })).toBe(expected);
  });

  it("ignores invalid UTF-8 and oversized ids", () => {
    expect(extractAnalysisId({ body: new Uint8Array([0x7b, 0xff, 0x7d]) })).toBeNull();
    const long = JSON.stringify({ id: "x".repeat(201), object: "analysis", status: "completed" });
    expect(extractAnalysisId({ body: encode(long) })).toBeNull();
  });
});
