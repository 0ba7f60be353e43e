import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { hmacSha256 } from "@/lib/signatures/hmac-sha256";

const encoder = new TextEncoder();

describe("hmacSha256", () => {
  it("matches RFC 4231 test case 2", async () => {
    const mac = await hmacSha256(
      encoder.encode("Jefe"),
      encoder.encode("what do ya want for nothing?"),
    );
    expect(Buffer.from(mac).toString("hex")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("matches node:crypto for an empty key, an empty message and a long key", async () => {
    const cases = [
      { key: new Uint8Array(), data: encoder.encode("x") },
      { key: encoder.encode("k"), data: new Uint8Array() },
      { key: new Uint8Array(200).fill(7), data: encoder.encode("long key") },
    ];
    for (const { key, data } of cases) {
      const expected = createHmac("sha256", key).update(data).digest("hex");
      expect(Buffer.from(await hmacSha256(key, data)).toString("hex")).toBe(expected);
    }
  });

  it("accepts views into larger buffers", async () => {
    const backing = encoder.encode("__secret__payload__");
    const key = backing.subarray(2, 8);
    const data = backing.subarray(10, 17);
    const expected = createHmac("sha256", "secret").update("payload").digest("hex");
    expect(Buffer.from(await hmacSha256(key, data)).toString("hex")).toBe(expected);
  });

  it("signs a view into a larger buffer by its own bytes only", async () => {
    const whole = encoder.encode("xxhello worldyy");
    const view = whole.subarray(2, 13);
    const expected = createHmac("sha256", "k").update("hello world").digest("hex");
    expect(Buffer.from(await hmacSha256(encoder.encode("k"), view)).toString("hex")).toBe(expected);
  });
});
