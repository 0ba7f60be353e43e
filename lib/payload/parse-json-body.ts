import { Buffer, isAscii } from "node:buffer";
import { MAX_JSON_DEPTH } from "@/lib/payload/classify-body";
import { exceedsJsonDepth } from "@/lib/payload/exceeds-json-depth";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

/** Larger bodies are never parsed on the capture path. */
export const MAX_JSON_PARSE_BYTES = 1024 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false };

const NOT_JSON: JsonBody = { ok: false };

/**
 * A body's JSON value, parsed once per capture for everything that reads it (the analysis id,
 * response rules). Cheap when it cannot be JSON: only small bodies that start like an object or
 * an array are decoded and parsed at all.
 */
export function parseJsonBody({ body }: { body: Uint8Array }): JsonBody {
  if (body.byteLength === 0 || body.byteLength > MAX_JSON_PARSE_BYTES) return NOT_JSON;
  let start = 0;
  while (
    start < body.byteLength &&
    (body[start] === 0x20 || body[start] === 0x0a || body[start] === 0x0d || body[start] === 0x09)
  )
    start++;
  if (body[start] !== 0x7b && body[start] !== 0x5b) return NOT_JSON;
  // A sender's nesting bomb ("[" x 500,000) costs JSON.parse ~0.25-0.6 s of the one thread
  // every capture shares; the viewer shows such a body as text anyway (classifyBody). The check
  // counts brackets natively first, so ordinary bodies pay well under a microsecond.
  if (exceedsJsonDepth({ text: body, maxDepth: MAX_JSON_DEPTH })) return NOT_JSON;
  // Most bodies are ASCII, whose text is their bytes as they are: copied natively, without the
  // strict decoder that any other body goes through.
  const text = isAscii(body)
    ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1")
    : decodeUtf8({ bytes: body });
  if (text === null) return NOT_JSON;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return NOT_JSON;
  }
}
