import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { signCallcovBody } from "@/lib/signatures/sign-callcov-body";
import { verifyCallcovSignature } from "@/lib/signatures/verify-callcov-signature";

describe("signCallcovBody", () => {
  it("returns lowercase hex HMAC-SHA256 keyed by the UTF-8 secret", async () => {
    const expected = createHmac("sha256", "sécret").update('{"a":1}').digest("hex");
    await expect(signCallcovBody({ body: '{"a":1}', secret: "sécret" })).resolves.toBe(expected);
    await expect(
      signCallcovBody({ body: new TextEncoder().encode('{"a":1}'), secret: "sécret" }),
    ).resolves.toBe(expected);
  });

  it("produces signatures the verifier accepts", async () => {
    const body = new Uint8Array([0xff, 0x00, 0x80]);
    const signature = await signCallcovBody({ body, secret: "s" });
    const result = await verifyCallcovSignature({
      headers: [["X-CallCov-Signature", signature]],
      body,
      secret: "s",
      now: () => new Date(),
    });
    expect(result.status).toBe("valid");
  });
});
