import { decodeBase64 } from "@/lib/signatures/decode-base64";
import { encodeBase64 } from "@/lib/signatures/encode-base64";
import type { SignatureResult, VerifyOptions } from "@/lib/signatures/signature-result";
import { verifyRawBodyHmac } from "@/lib/signatures/verify-raw-body-hmac";

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body. */
export function verifyShopifySignature(options: VerifyOptions): Promise<SignatureResult> {
  return verifyRawBodyHmac(
    {
      scheme: "shopify",
      label: "Shopify",
      header: "X-Shopify-Hmac-Sha256",
      parse: decodeBase64,
      format: encodeBase64,
      expectedForm: "base64 of 32 bytes (44 chars)",
    },
    options,
  );
}
