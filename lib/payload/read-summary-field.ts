import { MAX_JSON_DEPTH } from "@/lib/payload/classify-body";
import { exceedsJsonDepth } from "@/lib/payload/exceeds-json-depth";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

// A row has room for a short value; the full one is in the detail.
const MAX_VALUE_LENGTH = 120;

/**
 * The value at a dot path ("event.type", "items.0.sku") of a JSON body, as short text, or null
 * when the body is not JSON or the path leads nowhere. Only own properties are followed, so
 * "__proto__" or "constructor" in a path read nothing but the body's own keys. Never throws: a
 * body nested deeper than MAX_JSON_DEPTH is no JSON here, as in the viewer (classifyBody).
 */
export function readSummaryField({
  body,
  path,
}: {
  body: Uint8Array;
  path: string;
}): string | null {
  const text = decodeUtf8({ bytes: body });
  // Checked before parsing: JSON.stringify below overflows the stack on a sender's nesting bomb
  // (some thousands of levels), which took down every read of the bin's rows.
  if (text === null || exceedsJsonDepth({ text, maxDepth: MAX_JSON_DEPTH })) return null;
  let value: unknown;
  try {
    // A leading BOM is kept by the decoder (byte-exact views) but is not part of the JSON.
    value = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch {
    return null;
  }
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (value === undefined) return null;
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return shown.length > MAX_VALUE_LENGTH ? `${shown.slice(0, MAX_VALUE_LENGTH - 1)}…` : shown;
}
