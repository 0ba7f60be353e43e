import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import callcovAnalysisSchema from "@/lib/conformance/callcov-analysis.schema.json";

let validator: ValidateFunction | null = null;

/**
 * The compiled callcov-analysis@1 validator capture runs (first error only), made once per
 * process. Compiling blocks the event loop for ~70 ms, so server.ts does it before it listens
 * rather than on the first analysis captured, behind which every capture in flight would wait.
 */
export function compileCallcovCheck(): ValidateFunction {
  if (!validator) {
    // Only the verdict is used: no message text is built for the first error either.
    const ajv = new Ajv2020({ allErrors: false, strict: false, messages: false });
    addFormats(ajv);
    validator = ajv.compile(callcovAnalysisSchema);
  }
  return validator;
}
