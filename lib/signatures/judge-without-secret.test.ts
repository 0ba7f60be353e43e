import { describe, expect, it } from "vitest";
import { judgeWithoutSecret } from "@/lib/signatures/judge-without-secret";
import { verifySignature } from "@/lib/signatures/verify-signature";

describe("judgeWithoutSecret", () => {
  it.each([
    [[]],
    [[["Stripe-Signature", "t=1"]]],
    [
      [
        ["X-CallCov-Signature", "00"],
        ["X-Slack-Signature", "v0=1"],
      ],
    ],
  ] as Array<[Array<[string, string]>]>)(
    "gives verifySignature's no_secret verdict for %j",
    async (headers) => {
      const verdict = judgeWithoutSecret({ headers });
      const body = new Uint8Array();
      const now = () => new Date(0);
      expect(await verifySignature({ headers, body, secret: null, now })).toBe(verdict);
      expect(verdict.status).toBe("no_secret");
      expect(Object.isFrozen(verdict)).toBe(true);
    },
  );
});
