import type { BodyDiff } from "@/lib/diff/delivery-diff-schema";
import {
  DEFAULT_JSON_DIFF_LIMITS,
  diffJsonValues,
  type JsonDiffLimits,
} from "@/lib/diff/diff-json-values";
import {
  DEFAULT_TEXT_DIFF_LIMITS,
  diffTextLines,
  type TextDiffLimits,
} from "@/lib/diff/diff-text-lines";
import { exceedsJsonDepth } from "@/lib/payload/exceeds-json-depth";
import { summarizeBodyChange, type BodyFingerprint } from "@/lib/diff/summarize-body-change";
import { createUtf8Decoder } from "@/lib/text/create-utf8-decoder";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

export interface DiffBody extends BodyFingerprint {
  /** The body, or only its first bytes when it is over the limit (bytes.length < size). */
  bytes: Uint8Array;
}

/** Whether a body's bytes are UTF-8; for a prefix, a character cut at its end is allowed. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    createUtf8Decoder().decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** JSON documents nested deeper than this are not parsed (compared as text). */
export const MAX_JSON_PARSE_DEPTH = 10_000;

/** JSON.parse, or undefined when the text is not JSON (or too deep to parse cheaply). */
function parseJson(text: string): { value: unknown } | undefined {
  if (exceedsJsonDepth({ text, maxDepth: MAX_JSON_PARSE_DEPTH })) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * How two bodies differ. Kind: json when both parse as JSON (nested at most
 * MAX_JSON_PARSE_DEPTH levels: deeper is compared as text), text when both are UTF-8 (the
 * one strict decoder: a leading BOM is text, and stops a body from being JSON), else binary
 * (one change with sizes and SHA-256). Bodies over `maxBodyBytes` are never parsed or diffed
 * line by line: their kind is text or binary, judged from their first `maxBodyBytes` bytes
 * (the caller may pass only those), and a difference is the size/SHA-256 change (limit
 * "size"), so the work and memory per request stay bounded whatever the capture limit is.
 */
export function diffBodies({
  before,
  after,
  maxBodyBytes,
  jsonLimits = DEFAULT_JSON_DIFF_LIMITS,
  textLimits = DEFAULT_TEXT_DIFF_LIMITS,
}: {
  before: DiffBody;
  after: DiffBody;
  maxBodyBytes: number;
  jsonLimits?: JsonDiffLimits;
  textLimits?: TextDiffLimits;
}): BodyDiff {
  const summary = summarizeBodyChange({ before, after });
  const binary: BodyDiff = {
    kind: "binary",
    changes: summary ? [summary] : [],
    truncated: false,
    limit: null,
  };
  if (before.size > maxBodyBytes || after.size > maxBodyBytes) {
    const prefix = (body: DiffBody) => body.bytes.subarray(0, maxBodyBytes);
    if (!isUtf8Prefix(prefix(before)) || !isUtf8Prefix(prefix(after))) return binary;
    return summary
      ? { kind: "text", changes: [summary], truncated: true, limit: "size" }
      : { kind: "text", changes: [], truncated: false, limit: null };
  }
  const beforeText = decodeUtf8({ bytes: before.bytes });
  const afterText = beforeText === null ? null : decodeUtf8({ bytes: after.bytes });
  if (beforeText === null || afterText === null) return binary;
  const beforeJson = parseJson(beforeText);
  const afterJson = beforeJson && parseJson(afterText);
  if (beforeJson && afterJson) {
    if (!summary) return { kind: "json", changes: [], truncated: false, limit: null };
    const result = diffJsonValues({
      before: beforeJson.value,
      after: afterJson.value,
      limits: jsonLimits,
    });
    return { kind: "json", ...withSummary(result, summary) };
  }
  if (!summary) return { kind: "text", changes: [], truncated: false, limit: null };
  const result = diffTextLines({ before: beforeText, after: afterText, limits: textLimits });
  return { kind: "text", ...withSummary(result, summary) };
}

/** A diff that gave up before listing anything still says that the bodies differ. */
function withSummary(
  result: Omit<BodyDiff, "kind">,
  summary: NonNullable<ReturnType<typeof summarizeBodyChange>>,
): Omit<BodyDiff, "kind"> {
  return result.changes.length === 0 && result.limit === "effort"
    ? { ...result, changes: [summary] }
    : result;
}
