import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { validateCallcovAnalysis } from "@/lib/conformance/validate-callcov-analysis";
import type { ConformanceResult } from "@/lib/conformance/to-conformance-result";
import { classifyBody } from "@/lib/payload/classify-body";

// The limit capture uses to recognise an analysis (extractAnalysisId): bigger bodies are not
// parsed on the main thread.
export const MAX_ANALYSIS_BYTES = 1024 * 1024;

/** callcov-analysis@1 for a body the view shows as a CallCov analysis; null for anything else. */
export function judgeCallcovConformance({
  body,
  contentType,
}: {
  body: Uint8Array;
  contentType: string | null;
}): ConformanceResult | null {
  if (body.byteLength === 0 || body.byteLength > MAX_ANALYSIS_BYTES) return null;
  const classified = classifyBody({ body, contentType });
  if (classified.kind !== "json" || !isAnalysisPayload({ value: classified.json })) return null;
  return validateCallcovAnalysis({ value: classified.json });
}
