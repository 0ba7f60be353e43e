import { extractAnalysisFacts } from "@/lib/analysis/extract-analysis-facts";

/** The CallCov analysis id of a body, or null (see extractAnalysisFacts). */
export function extractAnalysisId({ body }: { body: Uint8Array }): string | null {
  return extractAnalysisFacts({ body })?.id ?? null;
}
