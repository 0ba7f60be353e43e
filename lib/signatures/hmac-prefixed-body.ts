import { concatBytes } from "@/lib/signatures/concat-bytes";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";

export interface HmacPrefixedBodyOptions {
  /** The raw key; schemes that key with the UTF-8 secret pass its bytes. */
  key: Uint8Array;
  /** What the scheme signs before the body ("<t>.", "v0:<t>:", "<id>.<t>."); "" for none. */
  prefix: string;
  body: Uint8Array;
}

/** HMAC-SHA256 over "<prefix><raw body bytes>": the shape every supported scheme signs. */
export function hmacPrefixedBody({ key, prefix, body }: HmacPrefixedBodyOptions) {
  const content = prefix === "" ? body : concatBytes([new TextEncoder().encode(prefix), body]);
  return hmacSha256(key, content);
}
