import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacPrefixedBody } from "@/lib/signatures/hmac-prefixed-body";

/** The Stripe-Signature value "t=<unix s>,v1=<hex>": Stripe signs "<t>.<raw body>". */
export async function signStripePayload({
  body,
  secret,
  timestamp,
}: {
  body: Uint8Array;
  secret: string;
  /** Unix seconds. */
  timestamp: number;
}): Promise<string> {
  const key = new TextEncoder().encode(secret);
  const signature = await hmacPrefixedBody({ key, prefix: `${timestamp}.`, body });
  return `t=${timestamp},v1=${encodeHex(signature)}`;
}
