import { describe, expect, it } from "vitest";

import { decodeUtf8 } from "@/lib/text/decode-utf8";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("decodeUtf8", () => {
  it("decodes valid UTF-8 including multi-byte characters", () => {
    const text = "héllo € 😀";
    expect(decodeUtf8({ bytes: new TextEncoder().encode(text) })).toBe(text);
  });

  it("decodes the empty input", () => {
    expect(decodeUtf8({ bytes: new Uint8Array() })).toBe("");
  });

  it("keeps a leading BOM so the text stays byte-exact", () => {
    expect(decodeUtf8({ bytes: bytes(0xef, 0xbb, 0xbf, 0x61) })).toBe("\uFEFFa");
  });

  it.each([
    ["a lone continuation byte", bytes(0x80)],
    ["a truncated sequence", bytes(0xe2, 0x82)],
    ["an overlong encoding", bytes(0xc0, 0xaf)],
    ["an encoded surrogate", bytes(0xed, 0xa0, 0x80)],
    ["a code point above U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80)],
    ["Latin-1 text", bytes(0x63, 0x61, 0x66, 0xe9)],
  ])("returns null for %s", (_, input) => {
    expect(decodeUtf8({ bytes: input })).toBeNull();
  });

  it("accepts NUL and control bytes, which are valid UTF-8", () => {
    expect(decodeUtf8({ bytes: bytes(0x00, 0x01, 0x7f) })).toBe("\u0000\u0001\u007f");
  });
});
