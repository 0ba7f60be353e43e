import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { findStorageProblem } from "@/lib/capture/find-storage-problem";
import {
  nullUnstorableFields,
  type NullUnstorableFieldsResult,
} from "@/lib/capture/null-unstorable-fields";

export type SanitizeDeliveryRecordResult =
  ({ ok: true } & NullUnstorableFieldsResult) | { ok: false; field: string; reason: string };

/**
 * Checks every text and jsonb value of a delivery against what PostgreSQL accepts, before it
 * joins a batch: one hostile request must never fail the statement it shares with others.
 * Derived, optional fields (analysis id, content type, verdict, ...) that do not fit are
 * stored as null (nullUnstorableFields); the body is bytea and always kept exactly. A problem
 * in what the row cannot do without (method, path, query, headers) refuses the request.
 */
export function sanitizeDeliveryRecord({
  record,
}: {
  record: DeliveryRecord;
}): SanitizeDeliveryRecordResult {
  // One field after another, returning at the first problem: runs on every capture, so no
  // list of checks is built for it.
  let field = "bin id";
  let problem = findStorageProblem({ value: record.binId, maxChars: 64 });
  if (!problem) {
    field = "method";
    problem = findStorageProblem({ value: record.method, maxChars: 32 });
  }
  if (!problem) {
    field = "path";
    problem = findStorageProblem({ value: record.path });
  }
  if (!problem) {
    field = "query";
    problem = findStorageProblem({ value: record.query });
  }
  if (!problem) {
    field = "headers";
    problem = findHeadersProblem(record.headers);
  }
  if (problem) return { ok: false, field, reason: `The request's ${field} ${problem}` };
  const { record: clean, nulled } = nullUnstorableFields({ record });
  return { ok: true, record: clean, nulled };
}

// Names and values as they are stored (jsonb strings), without walking them as generic JSON.
function findHeadersProblem(headers: DeliveryRecord["headers"]): string | null {
  for (const [name, value] of headers) {
    const problem = findStorageProblem({ value: name }) ?? findStorageProblem({ value });
    if (problem) return problem;
  }
  return null;
}
