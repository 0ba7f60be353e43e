import callcovAnalysisSchema from "@/lib/conformance/callcov-analysis.schema.json";
import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import { AppError } from "@/lib/errors";

// Published versions; a version's schema never changes (a change is a new version).
const SCHEMAS = new Map<string, Record<string, unknown>>([
  [CALLCOV_SCHEMA_NAME, callcovAnalysisSchema],
]);

/** Our own schema a verdict names (e.g. "callcov-analysis@1"), for senders to test against. */
export function getConformanceSchemaOrThrow({ name }: { name: string }): Record<string, unknown> {
  const schema = SCHEMAS.get(name);
  if (!schema) {
    throw new AppError(
      "NOT_FOUND",
      `No schema named ${JSON.stringify(name.slice(0, 100))}; published: ${[...SCHEMAS.keys()].join(", ")} (a bin's own schema is in GET /api/bins/<id>)`,
    );
  }
  return schema;
}
