import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import callcovAnalysisSchema from "@/lib/conformance/callcov-analysis.schema.json";

let validator: ValidateFunction | null = null;

/**
 * Whether a parsed body conforms to callcov-analysis@1: validateCallcovAnalysis's `valid`,
 * without its error list. Capture stores only this bit, so it validates the schema itself
 * (unknown fields never make an analysis invalid) and stops at the first error: an order of
 * magnitude cheaper than collecting every error and unknown field, which a later read of the
 * delivery does when someone looks.
 */
export function checkCallcovAnalysis({ value }: { value: unknown }): boolean {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addFormats(ajv);
    validator = ajv.compile(callcovAnalysisSchema);
  }
  return validator(value);
}
