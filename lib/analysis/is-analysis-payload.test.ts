import { describe, expect, it } from "vitest";

import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";

describe("isAnalysisPayload", () => {
  it('accepts anything tagged object: "analysis"', () => {
    expect(isAnalysisPayload({ value: { object: "analysis" } })).toBe(true);
  });

  it("accepts an untagged payload with id, status and a section", () => {
    for (const key of ["call", "audio", "transcript", "results", "error_message"]) {
      expect(isAnalysisPayload({ value: { id: "a1", status: "completed", [key]: {} } })).toBe(true);
    }
  });

  it("rejects untagged payloads missing id, status or any section", () => {
    expect(isAnalysisPayload({ value: { status: "completed", results: {} } })).toBe(false);
    expect(isAnalysisPayload({ value: { id: 7, status: "completed", results: {} } })).toBe(false);
    expect(isAnalysisPayload({ value: { id: "a1", results: {} } })).toBe(false);
    expect(isAnalysisPayload({ value: { id: "a1", status: "completed" } })).toBe(false);
    expect(
      isAnalysisPayload({ value: { id: "a1", status: "completed", results: undefined } }),
    ).toBe(false);
  });

  it("rejects other event shapes and non-objects", () => {
    expect(isAnalysisPayload({ value: { object: "event", type: "charge.succeeded" } })).toBe(false);
    for (const value of [null, undefined, 1, "analysis", true, [], [{ object: "analysis" }]]) {
      expect(isAnalysisPayload({ value })).toBe(false);
    }
  });

  it("ignores inherited properties", () => {
    const value = Object.create({ object: "analysis" }) as object;
    expect(isAnalysisPayload({ value })).toBe(false);
  });
});
