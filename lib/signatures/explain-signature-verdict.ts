import type { SignatureScheme, SignatureStatus } from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

/**
 * One sentence on what a verdict means for this delivery. Only schemes that sign a timestamp
 * name a stale timestamp as a cause (CallCov signs the body alone), and a delivery without any
 * signature reads as unsigned whether or not the bin has a secret yet.
 */
export function explainSignatureVerdict({
  status,
  scheme,
}: {
  status: SignatureStatus;
  scheme: SignatureScheme | null;
}): string {
  const info = SIGNATURE_SCHEMES.find((candidate) => candidate.scheme === scheme);
  switch (status) {
    case "valid":
      return "The signature matches the bin's webhook secret: the body was not changed on the way.";
    case "invalid": {
      const name = info ? `The ${info.label} signature` : "The signature";
      const causes = info?.timestamped
        ? "a different secret, a changed body or a stale timestamp"
        : "a different secret or a changed body";
      return `${name} does not match the bin's webhook secret: ${causes}.`;
    }
    case "missing":
      return "Unsigned: the bin has a webhook secret, but this delivery carries no signature to check.";
    case "no_secret":
      return info
        ? `This bin has no webhook secret yet, so the ${info.label} signature was not checked.`
        : "Unsigned: this delivery carries no signature (and the bin has no webhook secret yet).";
  }
}
