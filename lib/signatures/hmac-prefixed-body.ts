import { concatBytes } from "@/lib/signatures/concat-bytes";
import { hmacSha256 } from "@/lib/signatures/hmac-sha256";

/** What every signer takes: the exact bytes to send and the bin's secret. */
export interface SignBodyOptions {
  body: Uint8Array;
  secret: string;
}

/** Schemes that sign a timestamp too: Unix seconds, sent alongside the signature. */
export interface SignTimedBodyOptions extends SignBodyOptions {
  timestamp: number;
}

export interface HmacPrefixedBodyOptions {
  /** A string keys with its UTF-8 bytes (most schemes); Standard Webhooks passes raw bytes. */
  key: string | Uint8Array;
  /** What the scheme signs before the body ("<t>.", "v0:<t>:", "<id>.<t>."); "" for none. */
  prefix: string;
  body: Uint8Array;
}

/** HMAC-SHA256 over "<prefix><raw body bytes>": the shape every supported scheme signs. */
export function hmacPrefixedBody({ key, prefix, body }: HmacPrefixedBodyOptions) {
  const encoder = new TextEncoder();
  const content = prefix === "" ? body : concatBytes([encoder.encode(prefix), body]);
  return hmacSha256(typeof key === "string" ? encoder.encode(key) : key, content);
}
