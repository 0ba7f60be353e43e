import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { parseJsonBody, type JsonBody } from "@/lib/payload/parse-json-body";

/**
 * The CallCov analysis id of a body, or null. Cheap enough for the capture path: only small
 * bodies that start like JSON are parsed at all, and a capture passes the `json` it parsed
 * already (parseJsonBody) so the body is parsed once.
 */
export function extractAnalysisId({
  body,
  json = parseJsonBody({ body }),
}: {
  body: Uint8Array;
  json?: JsonBody;
}): string | null {
  if (!json.ok) return null;
  const value = json.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  if (!isAnalysisPayload({ value })) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : null;
}
