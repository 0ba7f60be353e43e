import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { toRecord } from "@/lib/analysis/to-record";
import { parseJsonBody, type JsonBody } from "@/lib/payload/parse-json-body";

// Column widths (deliveries.analysis_id / analysis_status / analysis_agent): longer is dropped.
const MAX_ID = 200;
const MAX_STATUS = 32;
const MAX_AGENT = 200;

/** What capture keeps of a CallCov analysis body so list rows can tell analyses apart. */
export interface AnalysisFacts {
  id: string;
  status: string | null;
  agent: string | null;
}

function boundedString(value: unknown, max: number): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= max ? value : null;
}

/**
 * Id, status and agent of an analysis body, or null. Cheap enough for the capture path: only
 * small bodies that start like JSON are parsed at all, and a capture passes the `json` it
 * parsed already (parseJsonBody) so the body is parsed once.
 */
export function extractAnalysisFacts({
  body,
  json = parseJsonBody({ body }),
}: {
  body: Uint8Array;
  json?: JsonBody;
}): AnalysisFacts | null {
  if (!json.ok) return null;
  const value = json.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  if (!isAnalysisPayload({ value })) return null;
  const payload = value as Record<string, unknown>;
  const id = boundedString(payload.id, MAX_ID);
  if (id === null) return null;
  const call = toRecord({ value: Object.hasOwn(payload, "call") ? payload.call : undefined });
  return {
    id,
    status: boundedString(payload.status, MAX_STATUS),
    agent: call && Object.hasOwn(call, "agent_id") ? boundedString(call.agent_id, MAX_AGENT) : null,
  };
}
