import { describe, expect, it } from "vitest";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import callcovAnalysisSchema from "@/lib/conformance/callcov-analysis.schema.json";
import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import { judgeCallcovConformance } from "@/lib/conformance/judge-callcov-conformance";
import { validateCallcovAnalysis } from "@/lib/conformance/validate-callcov-analysis";
import { GUIDE_ANALYSIS as CALLCOV_GUIDE_PAYLOAD } from "@/test/support/guide-analysis";

const sample = (status: "completed" | "failed") =>
  buildSampleAnalysis({
    status,
    now: () => new Date("2026-12-01T00:00:00Z"),
    randomId: () => "550e8400-e29b-41d4-a716-446655440000",
  }) as Record<string, unknown>;

// The guide's failed case: the handler reads data.get('error_message').
const GUIDE_FAILED = {
  id: "550e8400-e29b-41d4-a716-446655440001",
  object: "analysis",
  created: 1642248000,
  status: "failed",
  error_message: "Audio file could not be decoded",
};

const withPatch = (
  base: Record<string, unknown>,
  patch: (copy: Record<string, unknown>) => void,
) => {
  const copy = structuredClone(base);
  patch(copy);
  return copy;
};

describe("callcov-analysis@1", () => {
  it("is named by its $id and is a 2020-12 schema", () => {
    expect(callcovAnalysisSchema.$id.endsWith(CALLCOV_SCHEMA_NAME)).toBe(true);
    expect(callcovAnalysisSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(callcovAnalysisSchema.description).toContain("JSON Pointer");
  });

  it.each([
    ["the sample completed analysis", sample("completed")],
    ["the sample failed analysis", sample("failed")],
    ["the guide's example", CALLCOV_GUIDE_PAYLOAD],
    ["the guide's failed case", GUIDE_FAILED],
  ])("accepts %s with no errors and no unknown fields", (_, value) => {
    expect(validateCallcovAnalysis({ value })).toEqual({
      schema: CALLCOV_SCHEMA_NAME,
      valid: true,
      errors: [],
      unknownFields: [],
    });
  });

  it.each([
    ["a missing id", (p: Record<string, unknown>) => delete p.id, "/id", "is required"],
    [
      "an unknown status",
      (p: Record<string, unknown>) => (p.status = "done"),
      "/status",
      "must be one of: completed, failed",
    ],
    [
      "a wrong object",
      (p: Record<string, unknown>) => (p.object = "call"),
      "/object",
      'must be "analysis"',
    ],
    [
      "created as text",
      (p: Record<string, unknown>) => (p.created = "yesterday"),
      "/created",
      "must be integer",
    ],
    [
      "a segment start as text",
      (p: Record<string, unknown>) =>
        ((p.transcript as { segments: Array<Record<string, unknown>> }).segments[1]!.start = "x"),
      "/transcript/segments/1/start",
      "must be number",
    ],
    [
      "a segment without a speaker",
      (p: Record<string, unknown>) =>
        delete (p.transcript as { segments: Array<Record<string, unknown>> }).segments[0]!.speaker,
      "/transcript/segments/0/speaker",
      "is required",
    ],
    [
      "completed without results",
      (p: Record<string, unknown>) => delete p.results,
      "/results",
      "is required",
    ],
    [
      "a results section that is not an object",
      (p: Record<string, unknown>) => ((p.results as Record<string, unknown>).quality = 87),
      "/results/quality",
      "must be object",
    ],
    [
      "a negative duration",
      (p: Record<string, unknown>) => ((p.audio as Record<string, unknown>).duration_seconds = -1),
      "/audio/duration_seconds",
      "must be >= 0",
    ],
  ])("refuses %s, pointing at its place", (_, patch, path, message) => {
    const result = validateCallcovAnalysis({ value: withPatch(sample("completed"), patch) });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ path, message }]);
  });

  it("refuses a failed analysis whose error_message is not text", () => {
    const result = validateCallcovAnalysis({ value: { ...GUIDE_FAILED, error_message: 42 } });
    expect(result.errors).toEqual([{ path: "/error_message", message: "must be string" }]);
  });

  it("allows unknown fields but lists them (never inside the opaque results sections)", () => {
    const value = withPatch(sample("completed"), (p) => {
      p.region = "eu";
      (p.call as Record<string, unknown>).queue = "billing";
      (p.transcript as { segments: Array<Record<string, unknown>> }).segments[2]!.confidence = 0.9;
      (p.results as { quality: Record<string, unknown> }).quality.anything = true;
      p["odd/key"] = 1;
    });
    const result = validateCallcovAnalysis({ value });
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.unknownFields.sort()).toEqual(
      ["/call/queue", "/odd~1key", "/region", "/transcript/segments/2/confidence"].sort(),
    );
  });

  it("lists every error at once, and a mistyped known field is not an unknown one", () => {
    const value = withPatch(sample("completed"), (p) => {
      p.created = "x";
      p.status = "done";
      p.extra = 1;
    });
    const result = validateCallcovAnalysis({ value });
    expect(result.errors.map((error) => error.path).sort()).toEqual(["/created", "/status"]);
    expect(result.unknownFields).toEqual(["/extra"]);
  });
});

describe("judgeCallcovConformance", () => {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it("judges only bodies the view shows as an analysis", () => {
    expect(judgeCallcovConformance({ body: bytes({ hello: "world" }), contentType: null })).toBe(
      null,
    );
    expect(judgeCallcovConformance({ body: new Uint8Array(), contentType: null })).toBe(null);
    expect(
      judgeCallcovConformance({ body: bytes(sample("failed")), contentType: "application/json" }),
    ).toMatchObject({ schema: CALLCOV_SCHEMA_NAME, valid: true });
    // Recognised by object: "analysis" even without an id, which is then the error.
    const { id: _id, ...noId } = sample("failed");
    expect(judgeCallcovConformance({ body: bytes(noId), contentType: null })).toMatchObject({
      valid: false,
      errors: [{ path: "/id", message: "is required" }],
    });
  });
});
