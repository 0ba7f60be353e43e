import { decodeUtf8 } from "@/lib/text/decode-utf8";
import { exceedsJsonDepth } from "@/lib/payload/exceeds-json-depth";
import { parseHeaderParams } from "@/lib/payload/parse-header-params";

export type BodyKind = "empty" | "json" | "form" | "multipart" | "text" | "binary";

export type ClassifiedBody =
  | { kind: "empty"; text: "" }
  | { kind: "json"; text: string; json: unknown }
  | { kind: "form"; text: string }
  | { kind: "multipart"; text: string | null; boundary: string }
  | { kind: "text"; text: string }
  | { kind: "binary"; text: null };

interface ClassifyBodyOptions {
  body: Uint8Array;
  contentType: string | null;
}

// Deeper documents are shown as text: recursive viewers (and some engines' JSON.parse) would
// overflow the stack on a nesting bomb long before it stopped being hostile.
export const MAX_JSON_DEPTH = 512;

/** Chooses how to display a body. Content types lie, so JSON is sniffed from the bytes. Never throws. */
export function classifyBody({ body, contentType }: ClassifyBodyOptions): ClassifiedBody {
  if (body.length === 0) return { kind: "empty", text: "" };

  const text = decodeUtf8({ bytes: body });
  if (text !== null) {
    const json = parseJsonContainer(text);
    if (json.ok) return { kind: "json", text, json: json.value };
  }

  const { value: mediaType, params } = parseHeaderParams({ header: contentType ?? "" });
  if (mediaType === "application/x-www-form-urlencoded" && text !== null) {
    return { kind: "form", text };
  }
  const boundary = params.get("boundary");
  if (mediaType.startsWith("multipart/") && boundary !== undefined && boundary !== "") {
    return { kind: "multipart", text, boundary };
  }
  if (text !== null && !hasControlBytes(body)) return { kind: "text", text };
  return { kind: "binary", text: null };
}

function parseJsonContainer(text: string): { ok: true; value: unknown } | { ok: false } {
  // Only JSON whitespace is skipped (String#trim would also accept e.g. NBSP); done by index
  // because a trailing-whitespace regex is quadratic on hostile input.
  let start = text.startsWith("\uFEFF") ? 1 : 0;
  let end = text.length;
  while (start < end && isJsonWhitespace(text[start])) start++;
  while (end > start && isJsonWhitespace(text[end - 1])) end--;
  const trimmed = text.slice(start, end);
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  const looksLikeContainer = (first === "{" && last === "}") || (first === "[" && last === "]");
  if (!looksLikeContainer || exceedsJsonDepth({ text: trimmed, maxDepth: MAX_JSON_DEPTH }))
    return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    // Syntax errors and engine RangeErrors alike mean "show it as text".
    return { ok: false };
  }
}

function isJsonWhitespace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r";
}

// Tab, LF, FF and CR are ordinary in text; any other C0 control or DEL suggests binary data.
function hasControlBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x7f) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) {
      return true;
    }
  }
  return false;
}
