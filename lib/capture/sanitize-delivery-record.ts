import type { DeliveryRecord } from "@/lib/capture/delivery-record";

export type SanitizeDeliveryRecordResult =
  | {
      ok: true;
      record: DeliveryRecord;
      /** Derived fields PostgreSQL would refuse, stored as null instead. */
      nulled: string[];
    }
  | { ok: false; field: string; reason: string };

// U+0000 (text and jsonb refuse it, jsonb even as the escape \u0000) or any surrogate (a lone
// one is an invalid encoding: jsonb refuses its escape, text would silently change it).
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL (text, UTF-8) would refuse or alter this string, or null. */
function textProblem(value: string, maxChars?: number): string | null {
  if (SUSPECT.test(value) && UNSTORABLE.test(value)) {
    return value.includes("\u0000") ? "contains U+0000" : "contains a lone surrogate";
  }
  // varchar(n) counts code points; the UTF-16 length is an upper bound.
  if (maxChars !== undefined && value.length > maxChars && [...value].length > maxChars) {
    return `longer than ${maxChars} characters`;
  }
  return null;
}

/** The same for every string (keys included) inside a value stored as jsonb. */
function jsonProblem(value: unknown, depth = 0): string | null {
  if (depth > 64) return "nested too deeply";
  if (typeof value === "string") return textProblem(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key) ?? jsonProblem(item, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * Checks every text and jsonb value of a delivery against what PostgreSQL accepts, before it
 * joins a batch: one hostile request must never fail the statement it shares with others.
 * Derived, optional fields (analysis id, content type, verdict, ...) that do not fit are
 * stored as null; the body is bytea and always kept exactly. A problem in what the row cannot
 * do without (method, path, query, headers) refuses the request.
 */
export function sanitizeDeliveryRecord({
  record,
}: {
  record: DeliveryRecord;
}): SanitizeDeliveryRecordResult {
  const required: Array<[string, string | null]> = [
    ["bin id", textProblem(record.binId, 64)],
    ["method", textProblem(record.method, 32)],
    ["path", textProblem(record.path)],
    ["query", textProblem(record.query)],
    ["headers", jsonProblem(record.headers)],
  ];
  for (const [field, problem] of required) {
    if (problem) return { ok: false, field, reason: `The request's ${field} ${problem}` };
  }

  const nulled: string[] = [];
  const clean = { ...record };
  if (clean.analysisId !== null && textProblem(clean.analysisId, 200)) {
    clean.analysisId = null;
    nulled.push("analysisId");
  }
  if (clean.analysisStatus !== null && textProblem(clean.analysisStatus, 32)) {
    clean.analysisStatus = null;
    nulled.push("analysisStatus");
  }
  if (clean.analysisAgent !== null && textProblem(clean.analysisAgent, 200)) {
    clean.analysisAgent = null;
    nulled.push("analysisAgent");
  }
  if (clean.contentType !== null && textProblem(clean.contentType)) {
    clean.contentType = null;
    nulled.push("contentType");
  }
  if (clean.remoteAddress !== null && textProblem(clean.remoteAddress)) {
    clean.remoteAddress = null;
    nulled.push("remoteAddress");
  }
  if (clean.response !== null && jsonProblem(clean.response)) {
    clean.response = null;
    nulled.push("response");
  }
  // Without its version a verdict is simply judged again when it is read.
  if (
    (clean.signature !== null && jsonProblem(clean.signature)) ||
    (clean.signatureVersion !== null && textProblem(clean.signatureVersion, 36))
  ) {
    clean.signature = null;
    clean.signatureVersion = null;
    nulled.push("signature");
  }
  return { ok: true, record: nulled.length > 0 ? clean : record, nulled };
}
