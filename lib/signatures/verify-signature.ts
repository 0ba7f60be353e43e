import { detectSignatureScheme } from "@/lib/signatures/detect-signature-scheme";
import { judgeWithoutSecret } from "@/lib/signatures/judge-without-secret";
import type {
  SignatureResult,
  SignatureScheme,
  VerifyOptions,
} from "@/lib/signatures/signature-result";
import { SIGNATURE_SCHEMES } from "@/lib/signatures/signature-schemes";
import { verifyCallcovSignature } from "@/lib/signatures/verify-callcov-signature";
import { verifyGithubSignature } from "@/lib/signatures/verify-github-signature";
import { verifyShopifySignature } from "@/lib/signatures/verify-shopify-signature";
import { verifySlackSignature } from "@/lib/signatures/verify-slack-signature";
import { verifyStandardWebhooksSignature } from "@/lib/signatures/verify-standard-webhooks-signature";
import { verifyStripeSignature } from "@/lib/signatures/verify-stripe-signature";

const VERIFIERS: Record<SignatureScheme, (options: VerifyOptions) => Promise<SignatureResult>> = {
  callcov: verifyCallcovSignature,
  github: verifyGithubSignature,
  stripe: verifyStripeSignature,
  "standard-webhooks": verifyStandardWebhooksSignature,
  shopify: verifyShopifySignature,
  slack: verifySlackSignature,
};

export async function verifySignature(options: VerifyOptions): Promise<SignatureResult> {
  if (!options.secret) return judgeWithoutSecret({ headers: options.headers });
  const scheme = detectSignatureScheme({ headers: options.headers });
  if (!scheme) {
    const lookedFor = SIGNATURE_SCHEMES.flatMap((info) => info.signatureHeaders).join(", ");
    return {
      scheme: null,
      status: "missing",
      reason: `No signature header found; looked for ${lookedFor}`,
    };
  }
  try {
    return await VERIFIERS[scheme](options);
  } catch (error) {
    // Verifiers are written not to throw; this keeps a capture from failing if one ever does.
    const kind = error instanceof Error ? error.name : "unknown error";
    return { scheme, status: "invalid", reason: `Signature could not be checked (${kind})` };
  }
}
