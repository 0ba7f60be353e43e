import type { ConformanceSummary } from "@/lib/conformance/conformance-schema";
import type { SignatureResult } from "@/lib/signatures/signature-result";

/**
 * Verdicts a read already found current on the rows (made under the bin's secret version and
 * schema), by delivery id: decorating them costs no further query. Absent: not known, judged
 * as usual. A conformance of null is a verdict (no schema applies).
 */
export interface KnownVerdicts {
  signatures: Map<string, SignatureResult>;
  conformance: Map<string, ConformanceSummary>;
}
