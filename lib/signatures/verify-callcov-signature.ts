import { decodeHex } from "@/lib/signatures/decode-hex";
import { encodeHex } from "@/lib/signatures/encode-hex";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";
import { verifyRawBodyHmac } from "@/lib/signatures/verify-raw-body-hmac";

/** `X-CallCov-Signature`: hex HMAC-SHA256 of the raw body (upper-case hex accepted). */
export function verifyCallcovSignature(options: VerifyOptions): Promise<SignatureResult> {
  return verifyRawBodyHmac(
    {
      scheme: "callcov",
      label: "CallCov",
      header: "X-CallCov-Signature",
      parse: decodeHex,
      format: encodeHex,
      expectedForm: "<64 hex chars>",
    },
    options,
  );
}
