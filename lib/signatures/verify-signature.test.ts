import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";

import type { HeaderPairs, SignatureResult } from "@/lib/signatures/signature-result";
import { verifySignature } from "@/lib/signatures/verify-signature";

const SECRET = "dispatcher-secret-31f9";
const NOW_SECONDS = 1_735_689_600;
const now = () => new Date(NOW_SECONDS * 1000);
const encoder = new TextEncoder();
const hex = (payload: string | Uint8Array, secret = SECRET) =>
  createHmac("sha256", secret).update(payload).digest("hex");

function verify(
  headers: HeaderPairs,
  body: string | Uint8Array = "{}",
  secret: string | null = SECRET,
): Promise<SignatureResult> {
  const bytes = typeof body === "string" ? encoder.encode(body) : body;
  return verifySignature({ headers, body: bytes, secret, now });
}

function expectNoLeak(result: SignatureResult, secret = SECRET) {
  expect(result.reason).not.toContain(secret);
  const expected = result.ownerDetail?.expected;
  if (expected) {
    expect(result.reason).not.toContain(expected);
    // Also the bare signature, without "sha256=" / "t=…,v1=" / "v1," / "v0=" framing.
    const bare = expected.replace(/^(sha256=|v0=|v1,|t=\d+,v1=)/, "");
    expect(result.reason).not.toContain(bare);
  }
}

describe("verifySignature", () => {
  it("dispatches to the first present scheme in detection order", async () => {
    const body = '{"a":1}';
    const result = await verify(
      [
        ["X-Hub-Signature-256", `sha256=${hex(body, "github-secret")}`],
        ["X-CallCov-Signature", hex(body)],
      ],
      body,
    );
    expect(result).toMatchObject({ scheme: "callcov", status: "valid" });
    const github = await verify(
      [
        ["X-Slack-Signature", "v0=00"],
        ["X-Hub-Signature-256", `sha256=${hex(body)}`],
      ],
      body,
    );
    expect(github).toMatchObject({ scheme: "github", status: "valid" });
  });

  it("reports missing when a secret is set but no signature header is present", async () => {
    const result = await verify([
      ["Content-Type", "application/json"],
      ["X-Hub-Signature", "sha1=00"],
    ]);
    expect(result).toEqual({
      scheme: null,
      status: "missing",
      reason:
        "No signature header found; looked for X-CallCov-Signature, X-Hub-Signature-256, Stripe-Signature, webhook-signature, svix-signature, X-Shopify-Hmac-Sha256, X-Slack-Signature",
    });
  });

  it("reports no_secret with the scheme the headers suggest", async () => {
    const stripe = await verify([["Stripe-Signature", "t=1,v1=00"]], "{}", null);
    expect(stripe).toEqual({
      scheme: "stripe",
      status: "no_secret",
      reason: "No webhook secret set; headers suggest Stripe signatures (Stripe-Signature)",
    });
    const svix = await verify([["svix-signature", "v1,x"]], "{}", "");
    expect(svix).toEqual({
      scheme: "standard-webhooks",
      status: "no_secret",
      reason:
        "No webhook secret set; headers suggest Standard Webhooks signatures (webhook-signature or svix-signature)",
    });
    const none = await verify([], "{}", null);
    expect(none).toEqual({
      scheme: null,
      status: "no_secret",
      reason: "No webhook secret set; no recognised signature headers either",
    });
  });

  it("shares one frozen no_secret verdict per scheme (stored as is, serialized once)", async () => {
    const first = await verify([["Stripe-Signature", "t=1"]], "{}", null);
    expect(await verify([["stripe-signature", "other"]], "[]", null)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(toStoredVerdict(first)).toBe(first);
  });

  describe("body-variant diagnosis", () => {
    const signed = '{"event":"ping","data":{"n":1}}';
    it.each([
      ["compact JSON", JSON.stringify(JSON.parse(signed), null, 4), signed, "compact JSON"],
      [
        "indented JSON",
        signed,
        JSON.stringify(JSON.parse(signed), null, 2),
        "JSON with 2-space indentation",
      ],
      ["an added \\n", `${signed}\n`, signed, "without its trailing \\n"],
      ["an added \\r\\n", `${signed}\r\n`, signed, "without its trailing \\r\\n"],
      ["a stripped \\n", signed, `${signed}\n`, "with a \\n appended"],
    ])("explains a body changed by %s", async (_, received, original, description) => {
      const result = await verify([["X-CallCov-Signature", hex(original)]], received);
      expect(result.status).toBe("invalid");
      expect(result.reason).toMatch(
        /^Body differs from what was signed: the X-CallCov-Signature signature matches the body /,
      );
      expect(result.reason).toContain(description);
      expectNoLeak(result);
    });

    it("falls back to the wrong-secret explanation when no variant matches", async () => {
      const result = await verify([["X-CallCov-Signature", hex(signed, "other")]], `${signed}\n`);
      expect(result.reason).toBe(
        "Signature does not match: wrong secret, or the body was altered in transit (checked X-CallCov-Signature)",
      );
    });
  });

  it("never throws on hostile header values and never leaks the secret", async () => {
    const hostile = [
      "",
      " ",
      "=",
      ",",
      "\u0000",
      "v1,",
      "v0=",
      "t=,v1=",
      "sha256=",
      "t=99999999999999999999,v1=00",
      "v1,====",
      "%%%",
      "😀".repeat(1000),
      "a".repeat(1_048_576),
      `t=${NOW_SECONDS},${"v1=,".repeat(200_000)}`,
    ];
    const signatureHeaders = [
      "X-CallCov-Signature",
      "X-Hub-Signature-256",
      "Stripe-Signature",
      "webhook-signature",
      "svix-signature",
      "X-Shopify-Hmac-Sha256",
      "X-Slack-Signature",
    ];
    const bodies = ["{}", new Uint8Array([0xff, 0xfe, 0xc3, 0x28]), ""];
    for (const name of signatureHeaders) {
      for (const value of hostile) {
        for (const body of bodies) {
          const headers: HeaderPairs = [
            [name, value],
            ["webhook-id", value],
            ["webhook-timestamp", value],
            ["svix-id", "x"],
            ["svix-timestamp", String(NOW_SECONDS)],
            ["X-Slack-Request-Timestamp", value],
          ];
          const result = await verify(headers, body);
          expect(result.status).toBe("invalid");
          expect(result.reason.length).toBeLessThan(300);
          expectNoLeak(result);
        }
      }
    }
  });

  it("rejects duplicated signature headers of every scheme", async () => {
    for (const name of ["X-CallCov-Signature", "STRIPE-SIGNATURE", "webhook-signature"]) {
      const result = await verify([
        [name, "a"],
        [name.toLowerCase(), "a"],
      ]);
      expect(result.status).toBe("invalid");
      expect(result.reason).toMatch(/appears 2 times; expected exactly one$/);
    }
  });

  it("verifies non-UTF-8 bodies for the timestamped schemes too", async () => {
    const body = new Uint8Array([0xff, 0x00, 0xc3, 0x28, 0x0a]);
    const stripeContent = Buffer.concat([Buffer.from(`${NOW_SECONDS}.`), body]);
    const stripe = await verify(
      [["Stripe-Signature", `t=${NOW_SECONDS},v1=${hex(stripeContent)}`]],
      body,
    );
    expect(stripe.status).toBe("valid");
    const slackContent = Buffer.concat([Buffer.from(`v0:${NOW_SECONDS}:`), body]);
    const slack = await verify(
      [
        ["X-Slack-Request-Timestamp", String(NOW_SECONDS)],
        ["X-Slack-Signature", `v0=${hex(slackContent)}`],
      ],
      body,
    );
    expect(slack.status).toBe("valid");
  });

  it("keeps the secret and the expected signature out of every reason", async () => {
    const body = '{"id":1}';
    const secrets = [SECRET, "whsec_c2VjcmV0LWJ5dGVz", "p"];
    const scenarios: HeaderPairs[] = [
      [["X-CallCov-Signature", hex(body, "x")]],
      [["X-Hub-Signature-256", `sha256=${hex(body, "x")}`]],
      [["Stripe-Signature", `t=${NOW_SECONDS - 5000},v1=${"a".repeat(64)}`]],
      [
        ["webhook-id", "m"],
        ["webhook-timestamp", String(NOW_SECONDS)],
        ["webhook-signature", `v1,${Buffer.alloc(32).toString("base64")}`],
      ],
      [["X-Shopify-Hmac-Sha256", Buffer.alloc(32).toString("base64")]],
      [
        ["X-Slack-Request-Timestamp", String(NOW_SECONDS)],
        ["X-Slack-Signature", `v0=${"b".repeat(64)}`],
      ],
    ];
    for (const secret of secrets) {
      for (const headers of scenarios) {
        const result = await verify(headers, body, secret);
        expect(result.status).toBe("invalid");
        expect(result.ownerDetail?.expected).toBeTruthy();
        if (secret.length > 1) expectNoLeak(result, secret);
        else expectNoLeak(result, "\u0000");
      }
    }
  });
});
