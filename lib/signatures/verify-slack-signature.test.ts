import { describe, expect, it } from "vitest";

import { verifySlackSignature } from "@/lib/signatures/verify-slack-signature";
import { createSignatureFixture } from "@/test/support/create-signature-fixture";

// Slack's documented example request ("Verifying requests from Slack").
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = 1531420618;
const PAYLOAD =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const DOCUMENTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const { verify, hmac } = createSignatureFixture({
  verifier: verifySlackSignature,
  secret: SECRET,
  payload: PAYLOAD,
  now: () => new Date((TIMESTAMP + 5) * 1000),
});
const v0 = (t: number, secret = SECRET) => `v0=${hmac(`v0:${t}:${PAYLOAD}`, { secret })}`;

describe("verifySlackSignature", () => {
  it("accepts Slack's documented example", async () => {
    expect(v0(TIMESTAMP)).toBe(DOCUMENTED);
    const result = await verify([
      ["X-Slack-Request-Timestamp", String(TIMESTAMP)],
      ["X-Slack-Signature", DOCUMENTED],
    ]);
    expect(result).toMatchObject({
      scheme: "slack",
      status: "valid",
      reason: "Valid Slack signature in X-Slack-Signature (timestamp is 5 s old)",
      ownerDetail: { expected: DOCUMENTED },
    });
  });

  it("rejects a wrong secret without leaking the expected signature", async () => {
    const result = await verify([
      ["X-Slack-Request-Timestamp", String(TIMESTAMP)],
      ["X-Slack-Signature", v0(TIMESTAMP, "wrong")],
    ]);
    expect(result.status).toBe("invalid");
    expect(result.reason).not.toContain(DOCUMENTED.slice(3));
    expect(result.reason).not.toContain(SECRET);
  });

  it("rejects a stale timestamp", async () => {
    const result = await verify(
      [
        ["X-Slack-Request-Timestamp", String(TIMESTAMP)],
        ["X-Slack-Signature", DOCUMENTED],
      ],
      { now: () => new Date((TIMESTAMP + 1234) * 1000) },
    );
    expect(result.reason).toBe(
      "Signature in X-Slack-Signature matches but is stale: timestamp is 1234 s old (tolerance 300 s)",
    );
  });

  it("reports missing, duplicated and malformed timestamp headers", async () => {
    const signature: [string, string] = ["X-Slack-Signature", DOCUMENTED];
    expect((await verify([signature])).reason).toBe(
      'X-Slack-Request-Timestamp is missing; Slack signs "v0:<timestamp>:<body>"',
    );
    const twice = await verify([
      signature,
      ["X-Slack-Request-Timestamp", String(TIMESTAMP)],
      ["x-slack-request-timestamp", String(TIMESTAMP)],
    ]);
    expect(twice.reason).toBe("X-Slack-Request-Timestamp appears 2 times; expected exactly one");
    const bad = await verify([signature, ["X-Slack-Request-Timestamp", "yesterday"]]);
    expect(bad).toMatchObject({
      status: "invalid",
      reason: "X-Slack-Request-Timestamp is malformed: expected Unix seconds",
    });
  });

  it.each(["", "v0=", "v1=" + "a".repeat(64), DOCUMENTED.slice(3), `v0=${"x".repeat(64)}`])(
    "reports signature %j as malformed",
    async (value) => {
      const result = await verify([
        ["X-Slack-Request-Timestamp", String(TIMESTAMP)],
        ["X-Slack-Signature", value],
      ]);
      expect(result.reason).toBe("X-Slack-Signature is malformed: expected v0=<64 hex chars>");
    },
  );
});
