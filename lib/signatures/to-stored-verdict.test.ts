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

  it("passes a frozen verdict without an expected signature through, and copies one with it", () => {
    const shared = Object.freeze({ scheme: null, status: "no_secret", reason: "none" } as const);
    expect(toStoredVerdict(shared)).toBe(shared);
    const leaky = Object.freeze({
      scheme: "callcov",
      status: "invalid",
      reason: "Signature does not match",
      ownerDetail: { header: "X-CallCov-Signature", received: "00", expected: "cd".repeat(32) },
    } as const);
    const stored = toStoredVerdict(leaky);
    expect(stored).not.toBe(leaky);
    expect(JSON.stringify(stored)).not.toContain("cd".repeat(32));
  });
});
