import { createHmac } from "node:crypto";

import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";

import type { HeaderPairs } from "@/lib/signatures/signature-result";
import { verifyStandardWebhooksSignature } from "@/lib/signatures/verify-standard-webhooks-signature";

const KEY = Buffer.from("standard-webhooks-test-key-32byt");
const SECRET = `whsec_${KEY.toString("base64")}`;
const MSG_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
const PAYLOAD = '{"type":"contact.created","data":{"id":1}}';
const body = new TextEncoder().encode(PAYLOAD);
const NOW_SECONDS = 1_735_689_600;
const now = () => new Date(NOW_SECONDS * 1000);
const v1 = (t: number, key: Buffer | string = KEY, id = MSG_ID) =>
  `v1,${createHmac("sha256", key).update(`${id}.${t}.${PAYLOAD}`).digest("base64")}`;

function verify(headers: HeaderPairs, overrides: { secret?: string } = {}) {
  return verifyStandardWebhooksSignature({
    headers,
    body,
    secret: overrides.secret ?? SECRET,
    now,
  });
}

function headersFor(signature: string, { prefix = "webhook", t = NOW_SECONDS } = {}): HeaderPairs {
  return [
    [`${prefix}-id`, MSG_ID],
    [`${prefix}-timestamp`, String(t)],
    [`${prefix}-signature`, signature],
  ];
}

describe("verifyStandardWebhooksSignature", () => {
  it("accepts the known-answer signature with webhook-* and svix-* headers", async () => {
    for (const prefix of ["webhook", "svix"]) {
      const result = await verify(headersFor(v1(NOW_SECONDS), { prefix }));
      expect(result).toMatchObject({
        scheme: "standard-webhooks",
        status: "valid",
        reason: `Valid Standard Webhooks signature in ${prefix}-signature (timestamp is 0 s old)`,
        ownerDetail: { header: `${prefix}-signature`, expected: v1(NOW_SECONDS) },
      });
    }
  });

  it("accepts what the official standardwebhooks library signs", async () => {
    const signature = new Webhook(SECRET).sign(
      MSG_ID,
      new Date((NOW_SECONDS - 20) * 1000),
      PAYLOAD,
    );
    const result = await verify(headersFor(signature, { t: NOW_SECONDS - 20 }));
    expect(result.status).toBe("valid");
  });

  it("accepts a base64 secret without the whsec_ prefix, and plain-text secrets as UTF-8", async () => {
    const bare = await verify(headersFor(v1(NOW_SECONDS)), { secret: KEY.toString("base64") });
    expect(bare.status).toBe("valid");
    const plain = "not base64!";
    const utf8 = await verify(headersFor(v1(NOW_SECONDS, plain)), { secret: plain });
    expect(utf8.status).toBe("valid");
  });

  it("accepts when any v1 entry matches, skipping other versions", async () => {
    const value = [v1(NOW_SECONDS, "other"), "v1a,c2lnbmF0dXJl", "v2,abc", v1(NOW_SECONDS)].join(
      " ",
    );
    expect((await verify(headersFor(value))).status).toBe("valid");
  });

  it("rejects a wrong secret, a changed id and a stale timestamp", async () => {
    const wrong = await verify(headersFor(v1(NOW_SECONDS, "other")));
    expect(wrong.reason).toContain("Signature does not match");
    expect(wrong.reason).not.toContain(SECRET);
    expect(wrong.reason).not.toContain(v1(NOW_SECONDS).slice(3));
    const changedId = await verify(headersFor(v1(NOW_SECONDS, KEY, "msg_other")));
    expect(changedId.status).toBe("invalid");
    const t = NOW_SECONDS - 1234;
    const stale = await verify(headersFor(v1(t), { t }));
    expect(stale.reason).toBe(
      "Signature in webhook-signature matches but is stale: timestamp is 1234 s old (tolerance 300 s)",
    );
  });

  it("reports missing companion headers without mixing webhook-* and svix-*", async () => {
    const result = await verify([
      ["webhook-signature", v1(NOW_SECONDS)],
      ["svix-id", MSG_ID],
      ["svix-timestamp", String(NOW_SECONDS)],
    ]);
    expect(result.reason).toBe(
      'webhook-id is missing; Standard Webhooks signs "<id>.<timestamp>.<body>"',
    );
  });

  it("reports duplicated and malformed headers", async () => {
    const duplicated = await verify([...headersFor(v1(NOW_SECONDS)), ["Webhook-Timestamp", "1"]]);
    expect(duplicated.reason).toBe("webhook-timestamp appears 2 times; expected exactly one");
    const badTime = await verify(
      headersFor(v1(NOW_SECONDS)).map(
        ([k, v]) => [k, k.endsWith("timestamp") ? "soon" : v] as const,
      ),
    );
    expect(badTime.reason).toBe("webhook-timestamp is malformed: expected Unix seconds");
  });

  it.each([
    "",
    "v1,",
    "v1,!!!!",
    "v1," + Buffer.alloc(16).toString("base64"),
    "v2," + Buffer.alloc(32).toString("base64"),
    Buffer.alloc(32).toString("base64"),
    `v1,${"A".repeat(1_048_576)}`,
    " ".repeat(100_000),
  ])("reports signature %#  as malformed", async (value) => {
    const result = await verify(headersFor(value));
    expect(result).toEqual({
      scheme: "standard-webhooks",
      status: "invalid",
      reason: "webhook-signature is malformed: expected space-separated v1,<base64> entries",
    });
  });
});
