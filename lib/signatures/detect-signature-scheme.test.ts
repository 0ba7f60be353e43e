import { describe, expect, it } from "vitest";

import { detectSignatureScheme } from "@/lib/signatures/detect-signature-scheme";

describe("detectSignatureScheme", () => {
  it.each([
    ["X-CallCov-Signature", "callcov"],
    ["x-hub-signature-256", "github"],
    ["STRIPE-SIGNATURE", "stripe"],
    ["webhook-signature", "standard-webhooks"],
    ["Svix-Signature", "standard-webhooks"],
    ["X-Shopify-Hmac-SHA256", "shopify"],
    ["X-Slack-Signature", "slack"],
  ])("detects %s as %s, even with an empty value", (name, scheme) => {
    expect(
      detectSignatureScheme({
        headers: [
          ["Content-Type", "text/plain"],
          [name, ""],
        ],
      }),
    ).toBe(scheme);
  });

  it("returns null without signature headers", () => {
    expect(detectSignatureScheme({ headers: [] })).toBeNull();
    expect(detectSignatureScheme({ headers: [["X-Hub-Signature", "sha1=00"]] })).toBeNull();
  });

  it("prefers callcov, github, stripe, standard-webhooks, shopify, slack in that order", () => {
    const all: Array<[string, string]> = [
      ["X-Slack-Signature", "v0=1"],
      ["X-Shopify-Hmac-Sha256", "x"],
      ["svix-signature", "v1,x"],
      ["Stripe-Signature", "t=1"],
      ["X-Hub-Signature-256", "sha256=1"],
      ["X-CallCov-Signature", "1"],
    ];
    const expected = ["callcov", "github", "stripe", "standard-webhooks", "shopify", "slack"];
    for (const scheme of expected) {
      expect(detectSignatureScheme({ headers: all })).toBe(scheme);
      all.pop();
    }
  });
});
