import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import callcovAnalysisSchema from "@/lib/conformance/callcov-analysis.schema.json";
import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import {
  toConformanceResult,
  type ConformanceResult,
} from "@/lib/conformance/to-conformance-result";
import { toStrictSchema } from "@/lib/conformance/to-strict-schema";

let validator: ValidateFunction | null = null;

/**
 * Judges a parsed body against callcov-analysis@1. Our own schema, so it runs in-process
 * (compiled once per process, a few microseconds per analysis); unknown fields come from the
 * strict twin's unevaluatedProperties errors.
 */
export function validateCallcovAnalysis({ value }: { value: unknown }): ConformanceResult {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(toStrictSchema({ schema: callcovAnalysisSchema }));
  }
  const passed = validator(value);
  return toConformanceResult({
    schema: CALLCOV_SCHEMA_NAME,
    errors: passed ? [] : (validator.errors ?? []),
    unknownKeyword: "unevaluatedProperties",
  });
}
