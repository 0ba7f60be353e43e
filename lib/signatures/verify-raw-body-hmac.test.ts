import { sign as octokitSign } from "@octokit/webhooks-methods";
import { describe, expect, it } from "vitest";

import { verifyCallcovSignature } from "@/lib/signatures/verify-callcov-signature";
import { verifyGithubSignature } from "@/lib/signatures/verify-github-signature";
import { verifyShopifySignature } from "@/lib/signatures/verify-shopify-signature";
import { createSignatureFixture } from "@/test/support/create-signature-fixture";

const github = createSignatureFixture({
  verifier: verifyGithubSignature,
  // GitHub's documented example ("Validating webhook deliveries").
  secret: "It's a Secret to Everybody",
  payload: "Hello, World!",
});
const callcov = createSignatureFixture({
  verifier: verifyCallcovSignature,
  secret: "cc_secret_5b1e",
  payload: '{"call":"c_123","duration":42}',
});
const shopify = createSignatureFixture({
  verifier: verifyShopifySignature,
  secret: "shpss_0123456789abcdef",
  payload: '{"id":820982911946154,"email":"jon@example.com"}',
});

// The three schemes share one implementation (verify-raw-body-hmac.ts) and differ only in the
// header and how it carries the 32 bytes: one contract, every scheme held to it.
describe.each([
  {
    scheme: "github",
    label: "GitHub",
    header: "X-Hub-Signature-256",
    fixture: github,
    sign: (signed: string | Uint8Array, secret?: string) =>
      `sha256=${github.hmac(signed, { secret })}`,
    expectedForm: "sha256=<64 hex chars>",
    malformed: [
      ["bare prefix", "sha256="],
      ["sha1", `sha1=${"a".repeat(40)}`],
      ["no prefix", github.hmac(github.payload)],
      ["non-hex", `sha256=${"g".repeat(64)}`],
      ["too short", `sha256=${"a".repeat(63)}`],
      ["too long", `sha256=${"a".repeat(66)}`],
    ],
  },
  {
    scheme: "callcov",
    label: "CallCov",
    header: "X-CallCov-Signature",
    fixture: callcov,
    sign: (signed: string | Uint8Array, secret?: string) => callcov.hmac(signed, { secret }),
    expectedForm: "<64 hex chars>",
    malformed: [
      ["non-hex", "z".repeat(64)],
      ["too short", callcov.hmac(callcov.payload).slice(0, 62)],
      ["too long", `${callcov.hmac(callcov.payload)}00`],
      ["prefixed", `sha256=${callcov.hmac(callcov.payload)}`],
    ],
  },
  {
    scheme: "shopify",
    label: "Shopify",
    header: "X-Shopify-Hmac-Sha256",
    fixture: shopify,
    sign: (signed: string | Uint8Array, secret?: string) =>
      shopify.hmac(signed, { secret, encoding: "base64" }),
    expectedForm: "base64 of 32 bytes (44 chars)",
    malformed: [
      ["hex instead of base64", shopify.hmac(shopify.payload)],
      ["unpadded", shopify.hmac(shopify.payload, { encoding: "base64" }).replace(/=+$/, "")],
      ["url-safe with junk", "!!!!"],
      ["16 bytes", Buffer.alloc(16).toString("base64")],
    ],
  },
])(
  "$label (raw-body HMAC)",
  ({ scheme, label, header, fixture, sign, expectedForm, malformed }) => {
    const { secret, payload, verify } = fixture;
    const expected = sign(payload);

    it("accepts the known-answer HMAC, in any header case", async () => {
      const result = await verify([[header.toLowerCase(), expected]]);
      expect(result).toEqual({
        scheme,
        status: "valid",
        reason: `Valid ${label} signature in ${header}`,
        ownerDetail: { header, received: expected, expected },
      });
    });

    it("verifies non-UTF-8 bodies byte for byte", async () => {
      const binary = new Uint8Array([0xc3, 0x28, 0xff, 0x00]);
      expect((await verify([[header, sign(binary)]], { body: binary })).status).toBe("valid");
    });

    it("rejects a tampered body and a wrong secret without leaking secret or expected value", async () => {
      const tampered = await verify([[header, expected]], {
        body: new TextEncoder().encode(`X${payload.slice(1)}`),
      });
      const wrongSecret = await verify([[header, sign(payload, "other")]]);
      for (const result of [tampered, wrongSecret]) {
        expect(result).toMatchObject({
          scheme,
          status: "invalid",
          reason: `Signature does not match: wrong secret, or the body was altered in transit (checked ${header})`,
        });
        expect(result.reason).not.toContain(secret);
        // Not even a part of the expected value.
        expect(result.reason).not.toContain(expected.slice(-16));
      }
    });

    it.each([["empty", ""], ...malformed, ["huge", "a".repeat(1_048_576)]])(
      "reports a %s value as malformed, bounding what it echoes",
      async (_, value) => {
        const result = await verify([[header, value]]);
        expect(result).toMatchObject({
          scheme,
          status: "invalid",
          reason: `${header} is malformed: expected ${expectedForm}`,
        });
        expect(result.ownerDetail?.expected).toBe(expected);
        expect(result.ownerDetail?.received.length).toBeLessThan(1100);
      },
    );

    it("rejects duplicated headers, even when both copies are valid", async () => {
      const result = await verify([
        [header, expected],
        [header.toLowerCase(), expected],
      ]);
      expect(result).toMatchObject({
        status: "invalid",
        reason: `${header} appears 2 times; expected exactly one`,
      });
    });

    it("reports missing and no_secret when called directly", async () => {
      expect(await verify([])).toMatchObject({ scheme: null, status: "missing" });
      expect(await verify([[header, expected]], { secret: null })).toEqual({
        scheme,
        status: "no_secret",
        reason: `No webhook secret set; headers suggest ${label} signatures (${header})`,
      });
    });
  },
);

describe("verifyGithubSignature", () => {
  it("accepts GitHub's documented example delivery", async () => {
    const value = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect((await github.verify([["X-Hub-Signature-256", value]])).status).toBe("valid");
  });

  it("accepts what @octokit/webhooks-methods signs", async () => {
    const payload = JSON.stringify({ action: "opened", issue: { number: 1, title: "ünïcode" } });
    const value = await octokitSign(github.secret, payload);
    const result = await github.verify([["x-hub-signature-256", value]], {
      body: new TextEncoder().encode(payload),
    });
    expect(result.status).toBe("valid");
  });

  it("diagnoses a body that gained a trailing newline", async () => {
    const value = `sha256=${github.hmac(github.payload)}`;
    const result = await github.verify([["X-Hub-Signature-256", value]], {
      body: new TextEncoder().encode(`${github.payload}\n`),
    });
    expect(result.status).toBe("invalid");
    expect(result.reason).toBe(
      "Body differs from what was signed: the X-Hub-Signature-256 signature matches the body without its trailing \\n (a newline was added in transit)",
    );
  });
});

describe.each([
  ["GitHub", github, "X-Hub-Signature-256", (hex: string) => `sha256=${hex}`],
  ["CallCov", callcov, "X-CallCov-Signature", (hex: string) => hex],
])("%s", (_label, fixture, header, format) => {
  it("accepts uppercase hex", async () => {
    const value = format(fixture.hmac(fixture.payload).toUpperCase());
    const result = await fixture.verify([[header, value]]);
    expect(result.status).toBe("valid");
    // The owner's expected value is shown in our canonical lowercase.
    expect(result.ownerDetail?.expected).toBe(format(fixture.hmac(fixture.payload)));
  });
});

describe("verifyShopifySignature", () => {
  it("diagnoses a body re-serialised with indentation", async () => {
    const pretty = JSON.stringify(JSON.parse(shopify.payload), null, 2);
    const signed = shopify.hmac(pretty, { encoding: "base64" });
    const result = await shopify.verify([["X-Shopify-Hmac-Sha256", signed]]);
    expect(result.reason).toBe(
      "Body differs from what was signed: the X-Shopify-Hmac-Sha256 signature matches the body re-serialised as JSON with 2-space indentation (a proxy or framework re-encoded it)",
    );
  });
});
