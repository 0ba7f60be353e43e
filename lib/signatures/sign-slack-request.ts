import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacPrefixedBody, type SignTimedBodyOptions } from "@/lib/signatures/hmac-prefixed-body";

/** X-Slack-Signature "v0=<hex>": Slack signs "v0:<X-Slack-Request-Timestamp>:<raw body>". */
export async function signSlackRequest({ body, secret, timestamp }: SignTimedBodyOptions) {
  return `v0=${encodeHex(await hmacPrefixedBody({ key: secret, prefix: `v0:${timestamp}:`, body }))}`;
}
