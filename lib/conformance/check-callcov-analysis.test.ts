import { describe, expect, it } from "vitest";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { checkCallcovAnalysis } from "@/lib/conformance/check-callcov-analysis";
import { validateCallcovAnalysis } from "@/lib/conformance/validate-callcov-analysis";
import { GUIDE_ANALYSIS } from "@/test/support/guide-analysis";

type Analysis = Record<string, unknown>;

const sample = (status: "completed" | "failed") =>
  buildSampleAnalysis({
    status,
    now: () => new Date("2026-12-01T00:00:00Z"),
    randomId: () => "550e8400-e29b-41d4-a716-446655440000",
  }) as Analysis;

const patched = (patch: (copy: Analysis) => void) => {
  const copy = structuredClone(sample("completed"));
  patch(copy);
  return copy;
};

const segments = (p: Analysis) =>
  (p.transcript as { segments: Array<Record<string, unknown>> }).segments;

const cases: Array<[string, unknown, boolean]> = [
  ["the sample completed analysis", sample("completed"), true],
  ["the sample failed analysis", sample("failed"), true],
  ["the guide's example", GUIDE_ANALYSIS, true],
  [
    "unknown fields, at the top, nested and in a results section",
    patched((p) => {
      p.region = "eu";
      (p.call as Analysis).queue = "billing";
      segments(p)[2]!.confidence = 0.9;
      (p.results as { quality: Analysis }).quality.anything = true;
    }),
    true,
  ],
  ["a missing id", patched((p) => delete p.id), false],
  ["an unknown status", patched((p) => (p.status = "done")), false],
  ["created as text", patched((p) => (p.created = "yesterday")), false],
  ["a segment start as text", patched((p) => (segments(p)[1]!.start = "x")), false],
  ["a segment without a speaker", patched((p) => delete segments(p)[0]!.speaker), false],
  ["completed without results", patched((p) => delete p.results), false],
  ["an unknown field and a wrong one", patched((p) => ((p.extra = 1), (p.status = "x"))), false],
  [
    "a failed analysis whose error_message is not text",
    { ...sample("failed"), error_message: 42 },
    false,
  ],
  ["an array", [sample("completed")], false],
  ["null", null, false],
];

describe("checkCallcovAnalysis", () => {
  it.each(cases)("says %s is valid exactly when the full judgement does", (_, value, valid) => {
    expect(checkCallcovAnalysis({ value })).toBe(valid);
    expect(validateCallcovAnalysis({ value }).valid).toBe(valid);
  });
});
