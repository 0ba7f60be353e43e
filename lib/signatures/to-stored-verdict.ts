import type { SignatureResult } from "@/lib/signatures/signature-result";

/**
 * The part of a verdict that may be stored or shown to anyone: never `ownerDetail`, whose
 * expected HMAC would turn a database dump into a signing oracle. The owner's comparison is
 * recomputed from the body and the secret when the owner opens a delivery.
 */
export function toStoredVerdict(verdict: SignatureResult): SignatureResult {
  // A shared frozen verdict (no secret) has nothing to drop.
  if (Object.isFrozen(verdict) && verdict.ownerDetail === undefined) return verdict;
  const { scheme, status, reason } = verdict;
  return { scheme, status, reason };
}
