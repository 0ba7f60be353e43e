import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { judgeCallcovConformance } from "@/lib/conformance/judge-callcov-conformance";
import type { ConformanceResult } from "@/lib/conformance/to-conformance-result";
import type { JsonBody } from "@/lib/payload/parse-json-body";

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * judgeCallcovConformance's verdict, from the body capture has already parsed: most bodies are
 * no analysis, and those are decided without a second parse. Analyses (and bodies behind a
 * byte-order mark, which parseJsonBody leaves unparsed but the view reads as JSON) take the
 * full path, so the verdict is the one a later read would make.
 */
export function judgeCallcovAtCapture({
  body,
  contentType,
  json,
}: {
  body: Uint8Array;
  contentType: string | null;
  json: JsonBody;
}): ConformanceResult | null {
  const mayBeAnalysis = json.ok
    ? isAnalysisPayload({ value: json.value })
    : BOM.every((byte, i) => body[i] === byte);
  return mayBeAnalysis ? judgeCallcovConformance({ body, contentType }) : null;
}
