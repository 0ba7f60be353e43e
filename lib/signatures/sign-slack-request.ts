import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacPrefixedBody } from "@/lib/signatures/hmac-prefixed-body";

/** The X-Slack-Signature value "v0=<hex>": Slack signs "v0:<X-Slack-Request-Timestamp>:<raw body>". */
export async function signSlackRequest({
  body,
  secret,
  timestamp,
}: {
  body: Uint8Array;
  secret: string;
  /** Unix seconds, sent as X-Slack-Request-Timestamp. */
  timestamp: number;
}): Promise<string> {
  const key = new TextEncoder().encode(secret);
  return `v0=${encodeHex(await hmacPrefixedBody({ key, prefix: `v0:${timestamp}:`, body }))}`;
}
