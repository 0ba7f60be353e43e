import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { findStorageProblem } from "@/lib/capture/find-storage-problem";
import { memoizeFrozen } from "@/lib/capture/memoize-frozen";

export interface NullUnstorableFieldsResult {
  record: DeliveryRecord;
  /** Derived fields PostgreSQL would refuse, stored as null instead. */
  nulled: readonly string[];
}

export interface NullUnstorableFieldsOptions {
  record: DeliveryRecord;
  /**
   * "answer": only what is derived when the answer is planned (the planned answer, the verdict
   * and its version), for a record whose other fields were checked when it was built.
   */
  fields?: "all" | "answer";
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

const NONE: readonly string[] = Object.freeze([]);

// A mask has one bit per field (BIT, below); "signature" nulls the verdict and its version.
const NULLABLE = [
  "analysisId",
  "analysisStatus",
  "analysisAgent",
  "contentType",
  "remoteAddress",
  "response",
  "signature",
] as const;

/** Each field's bit, derived from its place in NULLABLE (so the two cannot disagree). */
const BIT = Object.fromEntries(NULLABLE.map((field, i) => [field, 1 << i])) as Record<
  (typeof NULLABLE)[number],
  number
>;

function nullFields(record: DeliveryRecord, mask: number): NullUnstorableFieldsResult {
  const copy: DeliveryRecord = { ...record };
  const nulled: string[] = [];
  NULLABLE.forEach((field) => {
    if ((mask & BIT[field]) === 0) return;
    copy[field] = null;
    if (field === "signature") copy.signatureVersion = null;
    nulled.push(field);
  });
  return { record: copy, nulled };
}

/**
 * Stores as null the derived, optional fields of a delivery (analysis id, status and agent, content type,
 * address, planned answer, verdict) that PostgreSQL would refuse, so that one hostile request
 * never fails the batch it shares with others. Never refuses: the row can do without them.
 * Returns the same object when nothing changed: it runs twice per capture, so a clean record
 * costs no copy, no list and no closure.
 */
export function nullUnstorableFields({
  record,
  fields = "all",
}: NullUnstorableFieldsOptions): NullUnstorableFieldsResult {
  let mask = 0;
  if (fields === "all") {
    if (unstorable(record.analysisId, 200)) mask |= BIT.analysisId;
    if (unstorable(record.analysisStatus, 32)) mask |= BIT.analysisStatus;
    if (unstorable(record.analysisAgent, 200)) mask |= BIT.analysisAgent;
    if (unstorable(record.contentType)) mask |= BIT.contentType;
    if (unstorable(record.remoteAddress)) mask |= BIT.remoteAddress;
  }
  if (unstorable(record.response)) mask |= BIT.response;
  // Without its version a verdict is simply judged again when it is read.
  if (unstorable(record.signature) || unstorable(record.signatureVersion, 36))
    mask |= BIT.signature;
  return mask === 0 ? { record, nulled: NONE } : nullFields(record, mask);
}
