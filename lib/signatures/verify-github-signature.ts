import { decodeHex } from "@/lib/signatures/decode-hex";
import { encodeHex } from "@/lib/signatures/encode-hex";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";
import { verifyRawBodyHmac } from "@/lib/signatures/verify-raw-body-hmac";

const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/** `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw body. */
export function verifyGithubSignature(options: VerifyOptions): Promise<SignatureResult> {
  return verifyRawBodyHmac(
    {
      scheme: "github",
      label: "GitHub",
      header: "X-Hub-Signature-256",
      parse: (value) => {
        const hex = SIGNATURE_PATTERN.exec(value)?.[1];
        return hex === undefined ? null : decodeHex(hex);
      },
      format: (signature) => `sha256=${encodeHex(signature)}`,
      expectedForm: "sha256=<64 hex chars>",
    },
    options,
  );
}
