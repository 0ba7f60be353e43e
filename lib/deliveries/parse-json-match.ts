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
  return { ok: true, match: { path, value: parseValue(text.slice(equals + 1)) } };
}
