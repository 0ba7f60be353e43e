import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/text/is-storable-text";

/** A JSON scalar as the json= filter compares it. */
export type JsonScalar = string | number | boolean | null;

export interface JsonMatch {
  /** Keys (and array indexes, as decimal text) from the body's root. */
  path: string[];
  value: JsonScalar;
}

export type ParseJsonMatchResult = { ok: true; match: JsonMatch } | { ok: false; reason: string };

const MAX_SEGMENTS = 32;

function parseValue(text: string): JsonScalar {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || ["string", "number", "boolean"].includes(typeof parsed)) {
      return parsed as JsonScalar;
    }
  } catch {
    // Not JSON: the text itself is the string to compare.
  }
  return text;
}

/**
 * Reads one `json=<dot.path>=<value>` filter. The path ends at the first "=" (keys containing
 * "." or "=" cannot be named); a segment of digits also indexes an array. The value is compared
 * as a JSON scalar when it parses as one (`3`, `true`, `null`, `"3"`), else as the string
 * itself (`completed`): `status=completed` and `status="completed"` mean the same.
 */
export function parseJsonMatch({ text }: { text: string }): ParseJsonMatchResult {
  const equals = text.indexOf("=");
  if (equals <= 0)
    return { ok: false, reason: 'expected <dot.path>=<value>, e.g. "status=completed"' };
  const path = text.slice(0, equals).split(".");
  if (path.some((segment) => segment === "")) {
    return { ok: false, reason: "path segments must not be empty" };
  }
  if (path.length > MAX_SEGMENTS) {
    return { ok: false, reason: `a path has at most ${MAX_SEGMENTS} segments` };
  }
  // The path and value reach PostgreSQL as jsonb, which refuses U+0000 and lone surrogates:
  // the JSON escapes \u0000 and \ud800 only become them here, after parsing.
  if (!path.every((segment) => isStorableText({ text: segment }))) {
    return { ok: false, reason: `the path ${UNSTORABLE_TEXT_MESSAGE}` };
  }
  const value = parseValue(text.slice(equals + 1));
  if (typeof value === "string" && !isStorableText({ text: value })) {
    return { ok: false, reason: `the value ${UNSTORABLE_TEXT_MESSAGE}` };
  }
  // 1e400 parses to Infinity, which JSON has no text for (it would be sent as null).
  if (typeof value === "number" && !Number.isFinite(value)) {
    return { ok: false, reason: "a number value must be finite (1e400 is too large)" };
  }
  return { ok: true, match: { path, value } };
}
