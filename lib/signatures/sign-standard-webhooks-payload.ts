import { deriveStandardWebhooksKey } from "@/lib/signatures/derive-standard-webhooks-key";
import { encodeBase64 } from "@/lib/signatures/encode-base64";
import { hmacPrefixedBody, type SignTimedBodyOptions } from "@/lib/signatures/hmac-prefixed-body";

/**
 * The webhook-signature (or svix-signature) value "v1,<base64>": Standard Webhooks signs
 * "<webhook-id>.<webhook-timestamp>.<raw body>" with the key inside "whsec_<base64>".
 */
export async function signStandardWebhooksPayload({
  body,
  secret,
  id,
  timestamp,
}: SignTimedBodyOptions & { id: string }): Promise<string> {
  const key = deriveStandardWebhooksKey(secret);
  return `v1,${encodeBase64(await hmacPrefixedBody({ key, prefix: `${id}.${timestamp}.`, body }))}`;
}
