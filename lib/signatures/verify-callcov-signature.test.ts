import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { HeaderPairs } from "@/lib/signatures/signature-result";
import { verifyCallcovSignature } from "@/lib/signatures/verify-callcov-signature";

const SECRET = "cc_secret_5b1e";
const PAYLOAD = '{"call":"c_123","duration":42}';
const body = new TextEncoder().encode(PAYLOAD);
const now = () => new Date("2025-01-01T00:00:00Z");
const sign = (payload: string | Uint8Array, secret = SECRET) =>
  createHmac("sha256", secret).update(payload).digest("hex");

function verify(
  headers: HeaderPairs,
  overrides: { body?: Uint8Array; secret?: string | null } = {},
) {
  return verifyCallcovSignature({
    headers,
    body: overrides.body ?? body,
    secret: overrides.secret === undefined ? SECRET : overrides.secret,
    now,
  });
}

describe("verifyCallcovSignature", () => {
  it("accepts the known-answer HMAC in lowercase and uppercase hex", async () => {
    for (const value of [sign(PAYLOAD), sign(PAYLOAD).toUpperCase()]) {
      const result = await verify([["x-callcov-signature", value]]);
      expect(result).toMatchObject({
        scheme: "callcov",
        status: "valid",
        reason: "Valid CallCov signature in X-CallCov-Signature",
      });
      expect(result.ownerDetail).toEqual({
        header: "X-CallCov-Signature",
        received: value,
        expected: sign(PAYLOAD),
      });
    }
  });

  it("rejects a tampered body and a wrong secret", async () => {
    const tampered = await verify([["X-CallCov-Signature", sign(PAYLOAD)]], {
      body: new TextEncoder().encode(PAYLOAD.replace("42", "43")),
    });
    const wrongSecret = await verify([["X-CallCov-Signature", sign(PAYLOAD, "other")]]);
    for (const result of [tampered, wrongSecret]) {
      expect(result.status).toBe("invalid");
      expect(result.reason).toBe(
        "Signature does not match: wrong secret, or the body was altered in transit (checked X-CallCov-Signature)",
      );
      expect(result.reason).not.toContain(SECRET);
      expect(result.reason).not.toContain(sign(PAYLOAD));
    }
  });

  it.each([
    ["empty", ""],
    ["non-hex", "z".repeat(64)],
    ["too short", sign(PAYLOAD).slice(0, 62)],
    ["too long", `${sign(PAYLOAD)}00`],
    ["prefixed", `sha256=${sign(PAYLOAD)}`],
    ["huge", "a".repeat(1_048_576)],
  ])("reports a %s value as malformed", async (_, value) => {
    const result = await verify([["X-CallCov-Signature", value]]);
    expect(result).toMatchObject({
      scheme: "callcov",
      status: "invalid",
      reason: "X-CallCov-Signature is malformed: expected <64 hex chars>",
    });
    expect(result.ownerDetail?.expected).toBe(sign(PAYLOAD));
    expect(result.ownerDetail?.received.length).toBeLessThan(1100);
  });

  it("rejects duplicated headers, even when both copies are valid", async () => {
    const result = await verify([
      ["X-CallCov-Signature", sign(PAYLOAD)],
      ["x-callcov-signature", sign(PAYLOAD)],
    ]);
    expect(result).toMatchObject({
      status: "invalid",
      reason: "X-CallCov-Signature appears 2 times; expected exactly one",
    });
  });

  it("reports missing and no_secret when called directly", async () => {
    expect(await verify([])).toMatchObject({ scheme: null, status: "missing" });
    expect(await verify([["X-CallCov-Signature", sign(PAYLOAD)]], { secret: null })).toEqual({
      scheme: "callcov",
      status: "no_secret",
      reason: "No webhook secret set; headers suggest CallCov signatures (X-CallCov-Signature)",
    });
  });

  it("verifies non-UTF-8 bodies byte for byte", async () => {
    const binary = new Uint8Array([0xc3, 0x28, 0xff, 0x00]);
    const result = await verify([["X-CallCov-Signature", sign(binary)]], { body: binary });
    expect(result.status).toBe("valid");
  });
});
