import { createHmac, timingSafeEqual } from "node:crypto";
import type { ReceivedRequest } from "@/test/support/start-webhook-receiver";

/**
 * The seed's validate_webhook, as a CallCov consumer writes it: hex HMAC-SHA256 of the raw
 * body in X-CallCov-Signature, compared in constant time. Independent of lib/signatures.
 */
export function validateWebhook(request: ReceivedRequest, secret: string): boolean {
  const received = request.headerPairs.find(
    ([name]) => name.toLowerCase() === "x-callcov-signature",
  )?.[1];
  if (received === undefined) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(request.body).digest("hex"));
  const signature = Buffer.from(received);
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}
