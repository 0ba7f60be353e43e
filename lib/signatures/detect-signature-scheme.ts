import type { HeaderPairs, SignatureScheme } from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

// Lower-cased signature header -> the first scheme (in SIGNATURE_SCHEMES order) that uses it.
const RANK_BY_HEADER = new Map<string, number>();
SIGNATURE_SCHEMES.forEach((info, rank) => {
  for (const name of info.signatureHeaders) {
    const key = name.toLowerCase();
    if (!RANK_BY_HEADER.has(key)) RANK_BY_HEADER.set(key, rank);
  }
});

/**
 * Presence of the signature header decides, even when its value is empty or garbage; with
 * several schemes' headers present, the one listed first in SIGNATURE_SCHEMES. Runs on every
 * capture: one map lookup per request header.
 */
export function detectSignatureScheme({
  headers,
}: {
  headers: HeaderPairs;
}): SignatureScheme | null {
  let best = SIGNATURE_SCHEMES.length;
  for (const [name] of headers) {
    const rank = RANK_BY_HEADER.get(name.toLowerCase());
    if (rank !== undefined && rank < best) best = rank;
  }
  return SIGNATURE_SCHEMES[best]?.scheme ?? null;
}
