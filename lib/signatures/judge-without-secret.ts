import { detectSignatureScheme } from "@/lib/signatures/detect-signature-scheme";
import { explainNoSecret } from "@/lib/signatures/explain-no-secret";
import type {
  HeaderPairs,
  SignatureResult,
  SignatureScheme,
} from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

// Without a secret the verdict depends on the scheme alone: one frozen verdict per scheme,
// shared by every capture (its stored text and checks are then made once).
const NO_SECRET_VERDICTS = new Map<SignatureScheme | null, SignatureResult>(
  [null, ...SIGNATURE_SCHEMES.map((info) => info.scheme)].map((scheme) => [
    scheme,
    Object.freeze({ scheme, status: "no_secret", reason: explainNoSecret({ scheme }) }),
  ]),
);

/**
 * The verdict for a bin without a secret: no_secret, with the scheme its headers suggest.
 * Synchronous (nothing to compute), so capture does not wait a turn for it.
 */
export function judgeWithoutSecret({ headers }: { headers: HeaderPairs }): SignatureResult {
  return NO_SECRET_VERDICTS.get(detectSignatureScheme({ headers }))!;
}
