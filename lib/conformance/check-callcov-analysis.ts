import { compileCallcovCheck } from "@/lib/conformance/compile-callcov-check";

/**
 * Whether a parsed body conforms to callcov-analysis@1: validateCallcovAnalysis's `valid`,
 * without its error list. Capture stores only this bit, so it validates the schema itself
 * (unknown fields never make an analysis invalid) and stops at the first error: an order of
 * magnitude cheaper than collecting every error and unknown field, which a later read of the
 * delivery does when someone looks.
 */
export function checkCallcovAnalysis({ value }: { value: unknown }): boolean {
  return compileCallcovCheck()(value);
}
