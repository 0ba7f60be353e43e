import { describe, expect, it } from "vitest";

import { decodeBase64 } from "@/lib/signatures/decode-base64";
import { encodeBase64 } from "@/lib/signatures/encode-base64";

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe("decodeBase64 / encodeBase64", () => {
  it("round-trips every byte value and large inputs, matching Node's encoding", () => {
    const large = Uint8Array.from({ length: 200_001 }, (_, i) => (i * 31) % 256);
    for (const bytes of [allBytes, large, new Uint8Array([1]), new Uint8Array([1, 2])]) {
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString("base64"));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it.each(["abc", "ab=c", "a===", "ab c d=", "ab-_", "YQ", "Y===", "€€€€", "=", "\n"])(
    "rejects %j without throwing",
    (text) => {
      expect(decodeBase64(text)).toBeNull();
    },
  );

  it("decodes the empty string to no bytes", () => {
    expect(decodeBase64("")).toEqual(new Uint8Array());
  });
});
