import type { SignatureScheme } from "@/lib/signatures/signature-result";

export interface SignatureSchemeInfo {
  scheme: SignatureScheme;
  label: string;
  /** Any one of these marks a delivery as using the scheme. */
  signatureHeaders: readonly string[];
}

/** In detection order: when a delivery carries several schemes, the first present wins. */
export const SIGNATURE_SCHEMES: readonly SignatureSchemeInfo[] = [
  { scheme: "callcov", label: "CallCov", signatureHeaders: ["X-CallCov-Signature"] },
  { scheme: "github", label: "GitHub", signatureHeaders: ["X-Hub-Signature-256"] },
  { scheme: "stripe", label: "Stripe", signatureHeaders: ["Stripe-Signature"] },
  {
    scheme: "standard-webhooks",
    label: "Standard Webhooks",
    signatureHeaders: ["webhook-signature", "svix-signature"],
  },
  { scheme: "shopify", label: "Shopify", signatureHeaders: ["X-Shopify-Hmac-Sha256"] },
  { scheme: "slack", label: "Slack", signatureHeaders: ["X-Slack-Signature"] },
];
