import type { SignatureScheme } from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

export function explainNoSecret({ scheme }: { scheme: SignatureScheme | null }): string {
  const info = SIGNATURE_SCHEMES.find((candidate) => candidate.scheme === scheme);
  if (!info) return "No webhook secret set; no recognised signature headers either";
  const headers = info.signatureHeaders.join(" or ");
  return `No webhook secret set; headers suggest ${info.label} signatures (${headers})`;
}
