import Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { verifyStripeSignature } from "@/lib/signatures/verify-stripe-signature";
import { createSignatureFixture } from "@/test/support/create-signature-fixture";

const SECRET = "whsec_test_9f8e7d6c5b4a";
const PAYLOAD = JSON.stringify({ id: "evt_1", object: "event", type: "charge.succeeded" });
const NOW_SECONDS = 1_735_689_600;
const { verify, hmac } = createSignatureFixture({
  verifier: verifyStripeSignature,
  secret: SECRET,
  payload: PAYLOAD,
  now: () => new Date(NOW_SECONDS * 1000),
});
const v1 = (t: number, payload = PAYLOAD, secret = SECRET) => hmac(`${t}.${payload}`, { secret });

describe("verifyStripeSignature", () => {
  it("accepts the known-answer signature", async () => {
    const value = `t=${NOW_SECONDS},v1=${v1(NOW_SECONDS)}`;
    const result = await verify([["stripe-signature", value]]);
    expect(result).toEqual({
      scheme: "stripe",
      status: "valid",
      reason: "Valid Stripe signature in Stripe-Signature (timestamp is 0 s old)",
      ownerDetail: { header: "Stripe-Signature", received: value, expected: value },
    });
  });

  it("accepts what the official stripe library signs", async () => {
    const stripe = new Stripe("sk_test_x");
    const header = stripe.webhooks.generateTestHeaderString({
      payload: PAYLOAD,
      secret: SECRET,
      timestamp: NOW_SECONDS - 10,
    });
    const result = await verify([["Stripe-Signature", header]]);
    expect(result).toMatchObject({ status: "valid" });
    expect(result.reason).toContain("10 s old");
  });

  it("accepts when any of several v1 signatures matches, ignoring v0 and unknown entries", async () => {
    const value = [
      `t=${NOW_SECONDS}`,
      `v1=${v1(NOW_SECONDS, PAYLOAD, "old-secret")}`,
      `v0=${"0".repeat(64)}`,
      "v1=not-hex",
      `v1=${v1(NOW_SECONDS)}`,
      "future=1",
    ].join(",");
    expect((await verify([["Stripe-Signature", value]])).status).toBe("valid");
  });

  it("rejects a tampered body and a wrong secret", async () => {
    const value = `t=${NOW_SECONDS},v1=${v1(NOW_SECONDS, PAYLOAD, "whsec_other")}`;
    const result = await verify([["Stripe-Signature", value]]);
    expect(result).toMatchObject({
      status: "invalid",
      reason:
        "Signature does not match: wrong secret, or the body was altered in transit (checked Stripe-Signature)",
    });
    const tampered = await verify(
      [["Stripe-Signature", `t=${NOW_SECONDS},v1=${v1(NOW_SECONDS)}`]],
      {
        body: new TextEncoder().encode(PAYLOAD.replace("evt_1", "evt_2")),
      },
    );
    expect(tampered.status).toBe("invalid");
    for (const reason of [result.reason, tampered.reason]) {
      expect(reason).not.toContain(SECRET);
      expect(reason).not.toContain(v1(NOW_SECONDS));
    }
  });

  it("rejects a signature whose timestamp was changed", async () => {
    const value = `t=${NOW_SECONDS + 1},v1=${v1(NOW_SECONDS)}`;
    expect((await verify([["Stripe-Signature", value]])).status).toBe("invalid");
  });

  it("rejects a matching signature with a stale timestamp", async () => {
    const t = NOW_SECONDS - 1234;
    const result = await verify([["Stripe-Signature", `t=${t},v1=${v1(t)}`]]);
    expect(result).toMatchObject({
      scheme: "stripe",
      status: "invalid",
      reason:
        "Signature in Stripe-Signature matches but is stale: timestamp is 1234 s old (tolerance 300 s)",
    });
    const future = NOW_SECONDS + 400;
    const ahead = await verify([["Stripe-Signature", `t=${future},v1=${v1(future)}`]]);
    expect(ahead.reason).toContain("stale: timestamp is 400 s in the future (tolerance 300 s)");
  });

  it("accepts a timestamp exactly at the tolerance", async () => {
    const t = NOW_SECONDS - 300;
    expect((await verify([["Stripe-Signature", `t=${t},v1=${v1(t)}`]])).status).toBe("valid");
  });

  it.each([
    ["empty", "", "no t= timestamp"],
    ["no timestamp", `v1=${"a".repeat(64)}`, "no t= timestamp"],
    ["non-numeric timestamp", `t=abc,v1=${"a".repeat(64)}`, "t= is not Unix seconds"],
    ["two timestamps", `t=1,t=2,v1=${"a".repeat(64)}`, "t= appears 2 times"],
    ["no v1", `t=${NOW_SECONDS},v0=${"a".repeat(64)}`, "no v1= signature of 64 hex chars"],
    ["non-hex v1", `t=${NOW_SECONDS},v1=${"z".repeat(64)}`, "no v1= signature of 64 hex chars"],
    ["short v1", `t=${NOW_SECONDS},v1=abcd`, "no v1= signature of 64 hex chars"],
    ["huge", `t=${NOW_SECONDS},v1=${"a".repeat(1_048_576)}`, "no v1= signature of 64 hex chars"],
    ["only commas", ",".repeat(100_000), "no t= timestamp"],
  ])("reports a %s header as malformed", async (_, value, problem) => {
    const result = await verify([["Stripe-Signature", value]]);
    expect(result).toEqual({
      scheme: "stripe",
      status: "invalid",
      reason: `Stripe-Signature is malformed: expected t=<unix seconds>,v1=<64 hex chars> (${problem})`,
    });
  });

  it("diagnoses a body re-serialised as compact JSON", async () => {
    const pretty = JSON.stringify(JSON.parse(PAYLOAD), null, 2);
    // The sender signed compact JSON; a framework pretty-printed it before capture.
    const result = await verify([["Stripe-Signature", `t=${NOW_SECONDS},v1=${v1(NOW_SECONDS)}`]], {
      body: new TextEncoder().encode(pretty),
    });
    expect(result.reason).toBe(
      "Body differs from what was signed: the Stripe-Signature signature matches the body re-serialised as compact JSON (a proxy or framework re-encoded it)",
    );
  });
});
