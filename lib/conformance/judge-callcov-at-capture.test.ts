import { describe, expect, it } from "vitest";
import { judgeCallcovAtCapture } from "@/lib/conformance/judge-callcov-at-capture";
import { judgeCallcovConformance } from "@/lib/conformance/judge-callcov-conformance";
import { parseJsonBody } from "@/lib/payload/parse-json-body";
import { buildTestAnalysis } from "@/test/support/build-test-analysis";

const analysis = JSON.stringify(buildTestAnalysis());
// The outer object is one level: `levels` arrays inside it make levels + 1.
const nested = (levels: number) =>
  `{"object":"analysis","id":"a","status":"completed","x":${"[".repeat(levels)}${"]".repeat(levels)}}`;

// Capture judges from its own parse; a later read judges from the view's. Same validity for all.
const bodies: Array<[string, string | Buffer, string | null]> = [
  ["a valid analysis", analysis, "application/json"],
  ["an invalid analysis", JSON.stringify({ ...buildTestAnalysis(), status: "done" }), null],
  [
    "an analysis with unknown fields",
    JSON.stringify({ ...buildTestAnalysis(), x: 1 }),
    "text/plain",
  ],
  ["an analysis behind a byte-order mark", `\uFEFF${analysis}`, "application/json"],
  ["an analysis padded with whitespace", `\n  ${analysis}\r\n`, "application/json"],
  ["an analysis nested past the view's depth limit", nested(600), "application/json"],
  ["an analysis nested exactly to the limit", nested(511), "application/json"],
  ["an analysis nested one level past the limit", nested(512), "application/json"],
  [
    "an analysis with brackets and escaped quotes in strings",
    `{"object":"analysis","id":"a\\"[[","status":"completed","s":"${"{".repeat(600)}"}`,
    "application/json",
  ],
  [
    "an analysis with multi-byte text",
    JSON.stringify({ ...buildTestAnalysis(), n: "é€😀[" }),
    null,
  ],
  ["JSON that is no analysis", '{"hello":"world"}', "application/json"],
  ["a JSON array", "[1,2,3]", "application/json"],
  ["broken JSON", '{"object":"analysis",', "application/json"],
  ["plain text", "plain text", "text/plain"],
  ["empty", "", null],
  ["a byte-order mark alone", "\uFEFF", null],
  ["binary", Buffer.from([0xff, 0xfe, 0x00, 0x7b]), "application/octet-stream"],
];

describe("judgeCallcovAtCapture", () => {
  it.each(bodies)("gives a later read's validity for %s", (_, raw, contentType) => {
    const body = typeof raw === "string" ? Buffer.from(raw) : raw;
    const atCapture = judgeCallcovAtCapture({ body, contentType, json: parseJsonBody({ body }) });
    expect(atCapture).toBe(judgeCallcovConformance({ body, contentType })?.valid ?? null);
  });

  it("judges analyses and nothing else", () => {
    const judge = (raw: string) => {
      const body = Buffer.from(raw);
      return judgeCallcovAtCapture({ body, contentType: null, json: parseJsonBody({ body }) });
    };
    expect(judge(analysis)).toBe(true);
    expect(judge(JSON.stringify({ ...buildTestAnalysis(), status: "done" }))).toBe(false);
    expect(judge('{"hello":"world"}')).toBeNull();
  });
});
