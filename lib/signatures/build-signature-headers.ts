import { readSingleHeader } from "@/lib/signatures/read-single-header";
import type { HeaderPairs, SignatureScheme } from "@/lib/signatures/signature-result";
import { signCallcovBody } from "@/lib/signatures/sign-callcov-body";
import { signGithubBody } from "@/lib/signatures/sign-github-body";
import { signShopifyBody } from "@/lib/signatures/sign-shopify-body";
import { signSlackRequest } from "@/lib/signatures/sign-slack-request";
import { signStandardWebhooksPayload } from "@/lib/signatures/sign-standard-webhooks-payload";
import { signStripePayload } from "@/lib/signatures/sign-stripe-payload";

export interface BuildSignatureHeadersOptions {
  scheme: SignatureScheme;
  /** The delivery's captured headers: which header family it used and its message id. */
  headers: HeaderPairs;
  /** The exact bytes that will be sent. */
  body: Uint8Array;
  secret: string;
  now: () => Date;
  /** A fresh Standard Webhooks message id when the delivery carried none. */
  randomId: () => string;
}

/**
 * The headers that make `body` pass the scheme's check now: the signature and, for timestamped
 * schemes, a fresh timestamp (the old one would be stale and is not what was signed).
 */
export async function buildSignatureHeaders({
  scheme,
  headers,
  body,
  secret,
  now,
  randomId,
}: BuildSignatureHeadersOptions): Promise<Array<[string, string]>> {
  const timestamp = Math.floor(now().getTime() / 1000);
  switch (scheme) {
    case "callcov":
      return [["X-CallCov-Signature", await signCallcovBody({ body, secret })]];
    case "github":
      return [["X-Hub-Signature-256", await signGithubBody({ body, secret })]];
    case "shopify":
      return [["X-Shopify-Hmac-Sha256", await signShopifyBody({ body, secret })]];
    case "stripe":
      return [["Stripe-Signature", await signStripePayload({ body, secret, timestamp })]];
    case "slack":
      return [
        ["X-Slack-Request-Timestamp", String(timestamp)],
        ["X-Slack-Signature", await signSlackRequest({ body, secret, timestamp })],
      ];
    case "standard-webhooks": {
      // Same family as captured (Svix senders use svix-*), and the same message id: a replay is
      // a redelivery of that message, which is what Svix's own resend does.
      const family =
        readSingleHeader({ headers, name: "webhook-signature" }).kind !== "absent"
          ? "webhook"
          : "svix";
      const captured = readSingleHeader({ headers, name: `${family}-id` });
      const id = captured.kind === "present" && captured.value !== "" ? captured.value : randomId();
      return [
        [`${family}-id`, id],
        [`${family}-timestamp`, String(timestamp)],
        [`${family}-signature`, await signStandardWebhooksPayload({ body, secret, id, timestamp })],
      ];
    }
  }
}
