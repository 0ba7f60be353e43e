import type { HeaderPairs, SignatureScheme } from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

/** Presence of the signature header decides, even when its value is empty or garbage. */
export function detectSignatureScheme({
  headers,
}: {
  headers: HeaderPairs;
}): SignatureScheme | null {
  const present = new Set(headers.map(([name]) => name.toLowerCase()));
  const match = SIGNATURE_SCHEMES.find((info) =>
    info.signatureHeaders.some((name) => present.has(name.toLowerCase())),
  );
  return match?.scheme ?? null;
}
