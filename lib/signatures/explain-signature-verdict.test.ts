import { describe, expect, it } from "vitest";
import { explainSignatureVerdict } from "@/lib/signatures/explain-signature-verdict";

describe("explainSignatureVerdict", () => {
  it("names a stale timestamp only for schemes that sign one", () => {
    for (const scheme of ["callcov", "github", "shopify"] as const) {
      const text = explainSignatureVerdict({ status: "invalid", scheme });
      expect(text).toMatch(/a different secret or a changed body\.$/);
      expect(text).not.toMatch(/timestamp/);
    }
    for (const scheme of ["stripe", "slack", "standard-webhooks"] as const) {
      expect(explainSignatureVerdict({ status: "invalid", scheme })).toMatch(/stale timestamp/);
    }
    expect(explainSignatureVerdict({ status: "invalid", scheme: "callcov" })).toMatch(
      /^The CallCov signature does not match/,
    );
    expect(explainSignatureVerdict({ status: "invalid", scheme: null })).toMatch(
      /^The signature does not match/,
    );
  });

  it("calls a delivery without a signature unsigned, with or without a secret", () => {
    expect(explainSignatureVerdict({ status: "no_secret", scheme: null })).toMatch(/^Unsigned/);
    expect(explainSignatureVerdict({ status: "missing", scheme: null })).toMatch(/^Unsigned/);
    expect(explainSignatureVerdict({ status: "no_secret", scheme: "callcov" })).toMatch(
      /no webhook secret yet, so the CallCov signature was not checked/,
    );
  });
});
