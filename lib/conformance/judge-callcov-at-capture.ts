import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import {
  judgeCallcovConformance,
  MAX_ANALYSIS_BYTES,
} from "@/lib/conformance/judge-callcov-conformance";
import { checkCallcovAnalysis } from "@/lib/conformance/check-callcov-analysis";
import type { JsonBody } from "@/lib/payload/parse-json-body";

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Whether judgeCallcovConformance would call the body a valid analysis (null: it is none), from
 * the value capture has already parsed, so the body is not parsed twice. The view's reading of
 * a body (classifyBody) differs from parseJsonBody's in two ways, both kept: JSON nested past
 * MAX_JSON_DEPTH is no JSON to it (so no analysis), and JSON behind a byte-order mark is
 * (those few bodies take the full path).
 */
export function judgeCallcovAtCapture({
  body,
  contentType,
  json,
}: {
  body: Uint8Array;
  contentType: string | null;
  json: JsonBody;
}): boolean | null {
  if (!json.ok) {
    const bom = BOM.every((byte, i) => body[i] === byte);
    return bom ? (judgeCallcovConformance({ body, contentType })?.valid ?? null) : null;
  }
  // JSON nested past MAX_JSON_DEPTH never gets here: parseJsonBody refuses it (json.ok false).
  if (body.byteLength > MAX_ANALYSIS_BYTES || !isAnalysisPayload({ value: json.value }))
    return null;
  return checkCallcovAnalysis({ value: json.value });
}
