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
  const required: Array<[string, string | null]> = [
    ["bin id", findStorageProblem({ value: record.binId, maxChars: 64 })],
    ["method", findStorageProblem({ value: record.method, maxChars: 32 })],
    ["path", findStorageProblem({ value: record.path })],
    ["query", findStorageProblem({ value: record.query })],
    ["headers", findStorageProblem({ value: record.headers })],
  ];
  for (const [field, problem] of required) {
    if (problem) return { ok: false, field, reason: `The request's ${field} ${problem}` };
  }
  return { ok: true, ...nullUnstorableFields({ record }) };
}
