import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";

// Headers a sender sets anew on every delivery (length, time, signatures, ids, tracing), so a
// resend of the very same payload differs in them. The baseline chip ignores them; the full
// diff still lists them.
const PER_DELIVERY = new Set([
  "content-length",
  "date",
  "x-request-id",
  "x-correlation-id",
  "traceparent",
  "tracestate",
  "x-amzn-trace-id",
  "x-cloud-trace-context",
  "cf-ray",
  "x-github-delivery",
  "x-shopify-webhook-id",
  "x-shopify-triggered-at",
  "x-slack-request-timestamp",
  "webhook-id",
  "webhook-timestamp",
  "svix-id",
  "svix-timestamp",
  "idempotency-key",
  ...SIGNATURE_SCHEMES.flatMap((scheme) => scheme.signatureHeaders.map((h) => h.toLowerCase())),
]);

/** Whether a header is expected to change between two deliveries of the same payload. */
export function isPerDeliveryHeader({ name }: { name: string }): boolean {
  return PER_DELIVERY.has(name.toLowerCase());
}
