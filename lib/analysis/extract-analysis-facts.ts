import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { toRecord } from "@/lib/analysis/to-record";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

const MAX_PARSE_BYTES = 1024 * 1024;
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
 * small bodies that start like a JSON object are parsed at all, and only once.
 */
export function extractAnalysisFacts({ body }: { body: Uint8Array }): AnalysisFacts | null {
  if (body.byteLength === 0 || body.byteLength > MAX_PARSE_BYTES) return null;
  let start = 0;
  while (
    start < body.byteLength &&
    (body[start] === 0x20 || body[start] === 0x0a || body[start] === 0x0d || body[start] === 0x09)
  )
    start++;
  if (body[start] !== 0x7b) return null;
  const text = decodeUtf8({ bytes: body });
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
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
