import {
  CONFORMANCE_LIST_LIMITS,
  type ConformanceError,
} from "@/lib/conformance/conformance-schema";
import { escapeJsonPointerToken } from "@/lib/conformance/escape-json-pointer-token";
import type { ValidatorError } from "@/lib/conformance/validator-error";

export interface ConformanceResult {
  schema: string;
  valid: boolean;
  errors: ConformanceError[];
  unknownFields: string[];
}

/**
 * Turns a validator's errors into the verdict's wire shape. Paths are JSON Pointers (what ajv
 * reports, and what the view's JSON tree resolves); a missing or refused property points at
 * the property itself. With `unknownKeyword`, errors of that keyword are not errors but the
 * list of unknown fields (the CallCov check validates a twin of the schema that refuses them).
 */
export function toConformanceResult({
  schema,
  errors,
  unknownKeyword = null,
}: {
  schema: string;
  errors: readonly ValidatorError[];
  unknownKeyword?: string | null;
}): ConformanceResult {
  const unknownFields = new Set<string>();
  const listed = new Map<string, ConformanceError>();
  for (const error of errors) {
    if (error.keyword === unknownKeyword) {
      unknownFields.add(childPath(error.instancePath, error.params.unevaluatedProperty));
      continue;
    }
    // "must match then schema" only repeats the errors of the "then" branch, listed on their own.
    if (error.keyword === "if") continue;
    const described = describe(error);
    listed.set(`${described.path}\u0000${described.message}`, described);
  }
  const all = [...listed.values()];
  return {
    schema,
    valid: all.length === 0,
    errors: all.slice(0, CONFORMANCE_LIST_LIMITS.errors),
    unknownFields: [...unknownFields].slice(0, CONFORMANCE_LIST_LIMITS.unknownFields),
  };
}

function childPath(parent: string, key: unknown): string {
  return `${parent}/${escapeJsonPointerToken({ token: String(key) })}`;
}

function describe(error: ValidatorError): ConformanceError {
  const { instancePath: path, keyword, params } = error;
  switch (keyword) {
    case "required":
      return { path: childPath(path, params.missingProperty), message: "is required" };
    case "additionalProperties":
      return { path: childPath(path, params.additionalProperty), message: "is not allowed" };
    case "unevaluatedProperties":
      return { path: childPath(path, params.unevaluatedProperty), message: "is not allowed" };
    case "enum":
      return {
        path,
        message: `must be one of: ${(Array.isArray(params.allowedValues)
          ? params.allowedValues
          : []
        )
          .map((value) => (typeof value === "string" ? value : JSON.stringify(value)))
          .join(", ")}`,
      };
    case "const":
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { path, message: error.message ?? `fails "${keyword}"` };
  }
}
