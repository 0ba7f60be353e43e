import { isAnalysisPayload } from "@/lib/analysis/is-analysis-payload";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

const MAX_PARSE_BYTES = 1024 * 1024;

/**
 * The CallCov analysis id of a body, or null. Cheap enough for the capture path: only small
 * bodies that start like a JSON object are parsed at all.
 */
export function extractAnalysisId({ body }: { body: Uint8Array }): string | null {
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
  try {
    const value: unknown = JSON.parse(text);
    if (!isAnalysisPayload({ value })) return null;
    const id = (value as { id?: unknown }).id;
    return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : null;
  } catch {
    return null;
  }
}
