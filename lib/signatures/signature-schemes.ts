import type { SignatureScheme } from "@/lib/signatures/signature-result";

export interface SignatureSchemeInfo {
  scheme: SignatureScheme;
  label: string;
  /** Any one of these marks a delivery as using the scheme. */
  signatureHeaders: readonly string[];
  /** Signs a timestamp too, so a mismatch may also be a stale (replayed) delivery. */
  timestamped: boolean;
}

/** In detection order: when a delivery carries several schemes, the first present wins. */
export const SIGNATURE_SCHEMES: readonly SignatureSchemeInfo[] = [
  {
    scheme: "callcov",
    label: "CallCov",
    signatureHeaders: ["X-CallCov-Signature"],
    timestamped: false,
  },
  {
    scheme: "github",
    label: "GitHub",
    signatureHeaders: ["X-Hub-Signature-256"],
    timestamped: false,
  },
  { scheme: "stripe", label: "Stripe", signatureHeaders: ["Stripe-Signature"], timestamped: true },
  {
    scheme: "standard-webhooks",
    label: "Standard Webhooks",
    signatureHeaders: ["webhook-signature", "svix-signature"],
    timestamped: true,
  },
  {
    scheme: "shopify",
    label: "Shopify",
    signatureHeaders: ["X-Shopify-Hmac-Sha256"],
    timestamped: false,
  },
  { scheme: "slack", label: "Slack", signatureHeaders: ["X-Slack-Signature"], timestamped: true },
];
