import { encodeBase64 } from "@/lib/signatures/encode-base64";
import { hmacPrefixedBody, type SignBodyOptions } from "@/lib/signatures/hmac-prefixed-body";

/** The X-Shopify-Hmac-Sha256 value: base64 HMAC-SHA256(UTF-8 secret, raw body). */
export async function signShopifyBody({ body, secret }: SignBodyOptions): Promise<string> {
  return encodeBase64(await hmacPrefixedBody({ key: secret, prefix: "", body }));
}
