import { describe, expect, it } from "vitest";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";

describe("toStoredVerdict", () => {
  it("keeps the verdict and drops the expected signature", () => {
    const stored = toStoredVerdict({
      scheme: "callcov",
      status: "invalid",
      reason: "Signature does not match",
      ownerDetail: { header: "X-CallCov-Signature", received: "00", expected: "ab".repeat(32) },
    });
    expect(stored).toEqual({
      scheme: "callcov",
      status: "invalid",
      reason: "Signature does not match",
    });
    expect(JSON.stringify(stored)).not.toContain("ab".repeat(32));
  });
});
