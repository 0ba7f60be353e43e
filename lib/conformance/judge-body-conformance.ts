import { getSchemaValidatorPool } from "@/lib/conformance/get-schema-validator-pool";
import { hashJsonSchema } from "@/lib/conformance/hash-json-schema";
import { judgeCallcovConformance } from "@/lib/conformance/judge-callcov-conformance";
import {
  toConformanceResult,
  type ConformanceResult,
} from "@/lib/conformance/to-conformance-result";

export interface BinJsonSchema {
  /** The stored JSON text of the owner's schema. */
  text: string;
  /** Its "bin@<hash>" name. */
  name: string;
}

/**
 * One body's verdict: against the bin's own schema when it has one (every JSON body; on the
 * validator thread, bounded in time), else against callcov-analysis@1 when the body is a CallCov
 * analysis (in-process: our schema, microseconds). null when no schema applies.
 */
export async function judgeBodyConformance({
  body,
  contentType,
  binSchema,
}: {
  body: Uint8Array;
  contentType: string | null;
  binSchema: BinJsonSchema | null;
}): Promise<ConformanceResult | null> {
  if (binSchema === null) return judgeCallcovConformance({ body, contentType });
  const outcome = await getSchemaValidatorPool().validate({
    text: binSchema.text,
    hash: hashJsonSchema({ text: binSchema.text }).hash,
    body,
  });
  if (outcome.kind === "not-json") return null;
  if (outcome.kind === "stopped") {
    // Judged invalid (and stored so), never retried per read: the reason is the one error.
    return {
      schema: binSchema.name,
      valid: false,
      errors: [{ path: "", message: `Not checked: ${outcome.reason}` }],
      unknownFields: [],
    };
  }
  return toConformanceResult({ schema: binSchema.name, errors: outcome.errors });
}
