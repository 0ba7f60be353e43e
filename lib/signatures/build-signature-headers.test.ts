import { describe, expect, it } from "vitest";
import { buildSignatureHeaders } from "@/lib/signatures/build-signature-headers";
import type { SignatureScheme } from "@/lib/signatures/signature-result";
import { verifySignature } from "@/lib/signatures/verify-signature";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SIGNED_AT = new Date("2026-11-30T12:00:00Z");
const LATER = new Date("2026-11-30T12:00:20Z");
const body = new TextEncoder().encode('{"id":"evt_1","status":"edited"}');

// A captured delivery of each scheme with a stale, now-wrong signature.
const CAPTURED: Record<SignatureScheme, Array<[string, string]>> = {
  callcov: [["X-CallCov-Signature", "00".repeat(32)]],
  github: [["X-Hub-Signature-256", `sha256=${"00".repeat(32)}`]],
  stripe: [["Stripe-Signature", `t=1000,v1=${"00".repeat(32)}`]],
  "standard-webhooks": [
    ["webhook-id", "msg_kept"],
    ["webhook-timestamp", "1000"],
    ["webhook-signature", "v1,AAAA"],
  ],
  shopify: [["X-Shopify-Hmac-Sha256", "AAAA"]],
  slack: [
    ["X-Slack-Request-Timestamp", "1000"],
    ["X-Slack-Signature", `v0=${"00".repeat(32)}`],
  ],
};

async function resign(scheme: SignatureScheme, captured: Array<[string, string]>) {
  const set = await buildSignatureHeaders({
    scheme,
    headers: captured,
    body,
    secret: SECRET,
    now: () => SIGNED_AT,
    randomId: () => "msg_new",
  });
  // What a replay does with them: the stale copies go, the fresh ones are sent.
  const names = new Set(set.map(([name]) => name.toLowerCase()));
  const kept = captured.filter(([name]) => !names.has(name.toLowerCase()));
  const merged: Array<[string, string]> = [["Content-Type", "application/json"], ...kept, ...set];
  return merged;
}

describe("buildSignatureHeaders", () => {
  for (const scheme of Object.keys(CAPTURED) as SignatureScheme[]) {
    it(`${scheme}: our own verifier accepts the re-signed body and refuses the stale signature`, async () => {
      const captured = CAPTURED[scheme];
      const stale = await verifySignature({
        headers: captured,
        body,
        secret: SECRET,
        now: () => LATER,
      });
      expect(stale.status).toBe("invalid");
      const headers = await resign(scheme, captured);
      const result = await verifySignature({ headers, body, secret: SECRET, now: () => LATER });
      expect(result).toMatchObject({ scheme, status: "valid" });
      // Another body under the same headers must fail: the signature covers the bytes.
      const other = await verifySignature({
        headers,
        body: new TextEncoder().encode("{}"),
        secret: SECRET,
        now: () => LATER,
      });
      expect(other.status).toBe("invalid");
    });
  }

  it("keeps a Standard Webhooks message id, makes one when there is none, and keeps the svix family", async () => {
    const kept = await resign("standard-webhooks", CAPTURED["standard-webhooks"]);
    expect(kept).toContainEqual(["webhook-id", "msg_kept"]);
    expect(kept).toContainEqual(["webhook-timestamp", String(SIGNED_AT.getTime() / 1000)]);
    const svix = await resign("standard-webhooks", [["svix-signature", "v1,AAAA"]]);
    expect(svix).toContainEqual(["svix-id", "msg_new"]);
    expect(svix.some(([name]) => name.startsWith("webhook-"))).toBe(false);
    const result = await verifySignature({ headers: svix, body, secret: SECRET, now: () => LATER });
    expect(result.status).toBe("valid");
  });

  it("stamps the timestamped schemes with the current time", async () => {
    const stripe = await resign("stripe", CAPTURED.stripe);
    expect(stripe.find(([name]) => name === "Stripe-Signature")?.[1]).toMatch(
      new RegExp(`^t=${SIGNED_AT.getTime() / 1000},v1=[0-9a-f]{64}$`),
    );
    const slack = await resign("slack", CAPTURED.slack);
    expect(slack).toContainEqual(["X-Slack-Request-Timestamp", String(SIGNED_AT.getTime() / 1000)]);
  });
});
