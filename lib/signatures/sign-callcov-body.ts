import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";

/** The X-CallCov-Signature value for a body: lowercase hex HMAC-SHA256 keyed by the UTF-8 secret. */
export async function signCallcovBody({
  body,
  secret,
}: {
  body: Uint8Array | string;
  secret: string;
}): Promise<string> {
  const encoder = new TextEncoder();
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  return encodeHex(await hmacSha256(encoder.encode(secret), bytes));
}
