import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { HeaderPairs } from "@/lib/signatures/signature-result";
import { verifyShopifySignature } from "@/lib/signatures/verify-shopify-signature";

const SECRET = "shpss_0123456789abcdef";
const PAYLOAD = '{"id":820982911946154,"email":"jon@example.com"}';
const body = new TextEncoder().encode(PAYLOAD);
const now = () => new Date("2025-01-01T00:00:00Z");
const b64 = (payload: string, secret = SECRET) =>
  createHmac("sha256", secret).update(payload).digest("base64");

function verify(headers: HeaderPairs, overrides: { body?: Uint8Array } = {}) {
  return verifyShopifySignature({ headers, body: overrides.body ?? body, secret: SECRET, now });
}

describe("verifyShopifySignature", () => {
  it("accepts the known-answer base64 HMAC", async () => {
    const result = await verify([["X-Shopify-Hmac-SHA256", b64(PAYLOAD)]]);
    expect(result).toMatchObject({
      scheme: "shopify",
      status: "valid",
      reason: "Valid Shopify signature in X-Shopify-Hmac-Sha256",
      ownerDetail: { expected: b64(PAYLOAD) },
    });
  });

  it("rejects a wrong secret and a tampered body", async () => {
    expect((await verify([["X-Shopify-Hmac-Sha256", b64(PAYLOAD, "x")]])).status).toBe("invalid");
    const tampered = await verify([["X-Shopify-Hmac-Sha256", b64(PAYLOAD)]], {
      body: new TextEncoder().encode(PAYLOAD.replace("jon", "jan")),
    });
    expect(tampered.reason).toContain("Signature does not match");
    expect(tampered.reason).not.toContain(b64(PAYLOAD));
  });

  it.each([
    ["empty", ""],
    ["hex instead of base64", createHmac("sha256", SECRET).update(PAYLOAD).digest("hex")],
    ["unpadded", b64(PAYLOAD).replace(/=+$/, "")],
    ["url-safe with junk", "!!!!"],
    ["16 bytes", Buffer.alloc(16).toString("base64")],
    ["huge", "A".repeat(1_048_576)],
  ])("reports a %s value as malformed", async (_, value) => {
    const result = await verify([["X-Shopify-Hmac-Sha256", value]]);
    expect(result).toMatchObject({
      status: "invalid",
      reason: "X-Shopify-Hmac-Sha256 is malformed: expected base64 of 32 bytes (44 chars)",
    });
  });

  it("diagnoses a body re-serialised with indentation", async () => {
    const pretty = JSON.stringify(JSON.parse(PAYLOAD), null, 2);
    const result = await verify([["X-Shopify-Hmac-Sha256", b64(pretty)]]);
    expect(result.reason).toBe(
      "Body differs from what was signed: the X-Shopify-Hmac-Sha256 signature matches the body re-serialised as JSON with 2-space indentation (a proxy or framework re-encoded it)",
    );
  });
});
