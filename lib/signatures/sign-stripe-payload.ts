import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacPrefixedBody, type SignTimedBodyOptions } from "@/lib/signatures/hmac-prefixed-body";

/** The Stripe-Signature value "t=<unix s>,v1=<hex>": Stripe signs "<t>.<raw body>". */
export async function signStripePayload({
  body,
  secret,
  timestamp,
}: SignTimedBodyOptions): Promise<string> {
  const signature = await hmacPrefixedBody({ key: secret, prefix: `${timestamp}.`, body });
  return `t=${timestamp},v1=${encodeHex(signature)}`;
}
