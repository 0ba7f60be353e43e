import { constantTimeEqual } from "@/lib/signatures/constant-time-equal";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";
import { listBodyVariants } from "@/lib/signatures/list-body-variants";

export type HmacCheck =
  | { matched: true; expected: Uint8Array }
  | { matched: false; expected: Uint8Array; reason: string };

/**
 * Compares the received signatures with the HMAC of the signed content and, on a mismatch, works
 * out whether a re-encoded body explains it, so the reason can point at the proxy, not the secret.
 */
export async function checkHmacSignature({
  header,
  key,
  body,
  candidates,
  signedContent,
}: {
  header: string;
  key: Uint8Array;
  body: Uint8Array;
  candidates: readonly Uint8Array[];
  signedContent: (body: Uint8Array) => Uint8Array;
}): Promise<HmacCheck> {
  const matchesAny = async (content: Uint8Array) => {
    const expected = await hmacSha256(key, content);
    return { expected, matched: candidates.some((c) => constantTimeEqual(c, expected)) };
  };

  const { expected, matched } = await matchesAny(signedContent(body));
  if (matched) return { matched: true, expected };

  for (const variant of listBodyVariants({ body })) {
    if ((await matchesAny(signedContent(variant.body))).matched) {
      return {
        matched: false,
        expected,
        reason: `Body differs from what was signed: the ${header} signature matches ${variant.description}`,
      };
    }
  }
  return {
    matched: false,
    expected,
    reason: `Signature does not match: wrong secret, or the body was altered in transit (checked ${header})`,
  };
}
