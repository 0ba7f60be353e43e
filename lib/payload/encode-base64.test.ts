import { describe, expect, it } from "vitest";

import { encodeBase64 } from "@/lib/payload/encode-base64";

describe("encodeBase64", () => {
  it.each([
    [[], ""],
    [[0x66], "Zg=="],
    [[0x66, 0x6f], "Zm8="],
    [[0x66, 0x6f, 0x6f], "Zm9v"],
    [[0x00, 0xff, 0xfe, 0x80], "AP/+gA=="],
  ])("encodes %j as %j", (input, expected) => {
    expect(encodeBase64({ bytes: new Uint8Array(input) })).toBe(expected);
  });

  it("round-trips every byte value across chunk boundaries", () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, index) => (index * 31) % 256);
    const decoded = Uint8Array.from(atob(encodeBase64({ bytes })), (char) => char.charCodeAt(0));
    expect(decoded).toEqual(bytes);
  });
});
