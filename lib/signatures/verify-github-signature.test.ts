import { createHmac } from "node:crypto";

import { sign as octokitSign } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";

import type { HeaderPairs } from "@/lib/signatures/signature-result";
import { verifyGithubSignature } from "@/lib/signatures/verify-github-signature";

const SECRET = "It's a Secret to Everybody";
const PAYLOAD = "Hello, World!";
const body = new TextEncoder().encode(PAYLOAD);
const now = () => new Date("2025-01-01T00:00:00Z");
const hex = (payload: string, secret = SECRET) =>
  createHmac("sha256", secret).update(payload).digest("hex");

function verify(
  headers: HeaderPairs,
  overrides: { body?: Uint8Array; secret?: string | null } = {},
) {
  return verifyGithubSignature({
    headers,
    body: overrides.body ?? body,
    secret: overrides.secret === undefined ? SECRET : overrides.secret,
    now,
  });
}

describe("verifyGithubSignature", () => {
  it("accepts GitHub's documented example delivery", async () => {
    // From docs.github.com "Validating webhook deliveries".
    const value = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect(hex(PAYLOAD)).toBe(value.slice("sha256=".length));
    const result = await verify([["X-Hub-Signature-256", value]]);
    expect(result).toMatchObject({
      scheme: "github",
      status: "valid",
      reason: "Valid GitHub signature in X-Hub-Signature-256",
      ownerDetail: { header: "X-Hub-Signature-256", received: value, expected: value },
    });
  });

  it("accepts what @octokit/webhooks-methods signs", async () => {
    const payload = JSON.stringify({ action: "opened", issue: { number: 1, title: "ünïcode" } });
    const value = await octokitSign(SECRET, payload);
    const result = await verify([["x-hub-signature-256", value]], {
      body: new TextEncoder().encode(payload),
    });
    expect(result.status).toBe("valid");
  });

  it("accepts uppercase hex", async () => {
    const result = await verify([["X-Hub-Signature-256", `sha256=${hex(PAYLOAD).toUpperCase()}`]]);
    expect(result.status).toBe("valid");
  });

  it("rejects a tampered body and a wrong secret without leaking", async () => {
    const tampered = await verify([["X-Hub-Signature-256", `sha256=${hex(PAYLOAD)}`]], {
      body: new TextEncoder().encode("Hello, World?"),
    });
    const wrongSecret = await verify([["X-Hub-Signature-256", `sha256=${hex(PAYLOAD, "nope")}`]]);
    for (const result of [tampered, wrongSecret]) {
      expect(result.status).toBe("invalid");
      expect(result.reason).toContain("Signature does not match: wrong secret");
      expect(result.reason).not.toContain(SECRET);
      expect(result.reason).not.toContain(hex(PAYLOAD).slice(0, 16));
    }
  });

  it.each([
    ["empty", ""],
    ["bare prefix", "sha256="],
    ["sha1", `sha1=${"a".repeat(40)}`],
    ["no prefix", hex(PAYLOAD)],
    ["non-hex", `sha256=${"g".repeat(64)}`],
    ["too short", `sha256=${"a".repeat(63)}`],
    ["too long", `sha256=${"a".repeat(66)}`],
    ["huge", `sha256=${"a".repeat(1_048_576)}`],
  ])("reports a %s value as malformed", async (_, value) => {
    const result = await verify([["X-Hub-Signature-256", value]]);
    expect(result).toMatchObject({
      scheme: "github",
      status: "invalid",
      reason: "X-Hub-Signature-256 is malformed: expected sha256=<64 hex chars>",
    });
    expect(result.ownerDetail?.expected).toBe(`sha256=${hex(PAYLOAD)}`);
  });

  it("rejects duplicated headers", async () => {
    const result = await verify([
      ["X-Hub-Signature-256", `sha256=${hex(PAYLOAD)}`],
      ["X-Hub-Signature-256", `sha256=${hex("other")}`],
    ]);
    expect(result.reason).toBe("X-Hub-Signature-256 appears 2 times; expected exactly one");
  });

  it("diagnoses a body that gained a trailing newline", async () => {
    const result = await verify([["X-Hub-Signature-256", `sha256=${hex(PAYLOAD)}`]], {
      body: new TextEncoder().encode(`${PAYLOAD}\n`),
    });
    expect(result.status).toBe("invalid");
    expect(result.reason).toBe(
      "Body differs from what was signed: the X-Hub-Signature-256 signature matches the body without its trailing \\n (a newline was added in transit)",
    );
  });
});
