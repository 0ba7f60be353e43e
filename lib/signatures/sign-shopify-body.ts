import { encodeBase64 } from "@/lib/signatures/encode-base64";
import { hmacPrefixedBody } from "@/lib/signatures/hmac-prefixed-body";

/** The X-Shopify-Hmac-Sha256 value: base64 HMAC-SHA256(UTF-8 secret, raw body). */
export async function signShopifyBody({
  body,
  secret,
}: {
  body: Uint8Array;
  secret: string;
}): Promise<string> {
  const key = new TextEncoder().encode(secret);
  return encodeBase64(await hmacPrefixedBody({ key, prefix: "", body }));
}
