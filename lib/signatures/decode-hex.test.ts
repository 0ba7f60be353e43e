import { describe, expect, it } from "vitest";

import { decodeHex } from "@/lib/signatures/decode-hex";
import { encodeHex } from "@/lib/signatures/encode-hex";

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe("decodeHex / encodeHex", () => {
  it("round-trips every byte value and matches Node's encoding", () => {
    const hex = encodeHex(allBytes);
    expect(hex).toBe(Buffer.from(allBytes).toString("hex"));
    expect(decodeHex(hex)).toEqual(allBytes);
    expect(decodeHex(hex.toUpperCase())).toEqual(allBytes);
  });

  it.each(["abc", "zz", "0x00", " 00", "00 ", "é0", "--"])(
    "rejects %j without throwing",
    (text) => {
      expect(decodeHex(text)).toBeNull();
    },
  );

  it("decodes the empty string to no bytes", () => {
    expect(decodeHex("")).toEqual(new Uint8Array());
  });
});
