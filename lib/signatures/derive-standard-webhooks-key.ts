import { decodeBase64 } from "@/lib/signatures/decode-base64";

const SECRET_PREFIX = "whsec_";

/**
 * Standard Webhooks secrets are "whsec_<base64 key>". Users also paste bare base64 or plain
 * passwords, so fall back step by step rather than rejecting the secret.
 */
export function deriveStandardWebhooksKey(secret: string): Uint8Array {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const key = decodeBase64(encoded);
  return key && key.length > 0 ? key : new TextEncoder().encode(secret);
}
