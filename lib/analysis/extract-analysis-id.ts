import { extractAnalysisFacts } from "@/lib/analysis/extract-analysis-facts";
import type { JsonBody } from "@/lib/payload/parse-json-body";

/**
 * The CallCov analysis id of a body, or null (see extractAnalysisFacts). A capture passes the
 * `json` it parsed already (parseJsonBody) so the body is parsed once.
 */
export function extractAnalysisId({
  body,
  json,
}: {
  body: Uint8Array;
  json?: JsonBody;
}): string | null {
  return extractAnalysisFacts({ body, json })?.id ?? null;
}
