import { describe, expect, it } from "vitest";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { compileCallcovCheck } from "@/lib/conformance/compile-callcov-check";

describe("compileCallcovCheck", () => {
  it("compiles once per process and judges analyses", () => {
    const check = compileCallcovCheck();
    expect(compileCallcovCheck()).toBe(check);
    const analysis = buildSampleAnalysis({
      status: "completed",
      now: () => new Date("2026-12-01T00:00:00Z"),
      randomId: () => "550e8400-e29b-41d4-a716-446655440000",
    });
    expect(check(analysis)).toBe(true);
    expect(check({ ...(analysis as object), status: "nope" })).toBe(false);
  });
});
