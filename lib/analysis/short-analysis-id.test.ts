import { describe, expect, it } from "vitest";
import { shortAnalysisId } from "@/lib/analysis/short-analysis-id";

describe("shortAnalysisId", () => {
  it.each([
    ["an_1", "an_1"],
    ["an_12345678", "an_12345678"],
    ["an_123456789", "an_1234567…"],
    ["an_8f3k2m9x7q1w", "an_8f3k2m9…"],
  ])("%s -> %s", (id, short) => {
    expect(shortAnalysisId({ id })).toBe(short);
  });
});
