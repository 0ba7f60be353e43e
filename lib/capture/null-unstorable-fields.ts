import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { findStorageProblem } from "@/lib/capture/find-storage-problem";
import { memoizeFrozen } from "@/lib/capture/memoize-frozen";

export interface NullUnstorableFieldsResult {
  record: DeliveryRecord;
  /** Derived fields PostgreSQL would refuse, stored as null instead. */
  nulled: string[];
}

// Deeply frozen values (a bin's shared answer plan, a verdict without a secret) are checked once.
const refusedJson = memoizeFrozen({
  derive: (value) => findStorageProblem({ value }) !== null,
});

function unstorable(value: unknown, maxChars?: number): boolean {
  if (value === null) return false;
  return typeof value === "string"
    ? findStorageProblem({ value, maxChars }) !== null
    : refusedJson(value);
}

/**
 * Stores as null the derived, optional fields of a delivery (analysis id, status and agent, content type,
 * address, planned answer, verdict) that PostgreSQL would refuse, so that one hostile request
 * never fails the batch it shares with others. Never refuses: the row can do without them.
 * Returns the same object when nothing changed (no copy on the hot path).
 */
export function nullUnstorableFields({
  record,
}: {
  record: DeliveryRecord;
}): NullUnstorableFieldsResult {
  const nulled: string[] = [];
  // Copied only when a field is nulled: nothing is allocated for the usual clean record.
  let copy: DeliveryRecord | null = null;
  const clean = (): DeliveryRecord => (copy ??= { ...record });
  if (unstorable(record.analysisId, 200)) {
    clean().analysisId = null;
    nulled.push("analysisId");
  }
  if (unstorable(record.analysisStatus, 32)) {
    clean().analysisStatus = null;
    nulled.push("analysisStatus");
  }
  if (unstorable(record.analysisAgent, 200)) {
    clean().analysisAgent = null;
    nulled.push("analysisAgent");
  }
  if (unstorable(record.contentType)) {
    clean().contentType = null;
    nulled.push("contentType");
  }
  if (unstorable(record.remoteAddress)) {
    clean().remoteAddress = null;
    nulled.push("remoteAddress");
  }
  if (unstorable(record.response)) {
    clean().response = null;
    nulled.push("response");
  }
  // Without its version a verdict is simply judged again when it is read.
  if (unstorable(record.signature) || unstorable(record.signatureVersion, 36)) {
    clean().signature = null;
    clean().signatureVersion = null;
    nulled.push("signature");
  }
  return { record: copy ?? record, nulled };
}
