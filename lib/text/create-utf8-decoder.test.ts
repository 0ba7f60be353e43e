import { describe, expect, it } from "vitest";
import { createUtf8Decoder } from "@/lib/text/create-utf8-decoder";

const BOM_A = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);

describe("createUtf8Decoder", () => {
  it("keeps a leading BOM, also when streaming a body in slices", () => {
    const decoder = createUtf8Decoder();
    const text = [BOM_A.subarray(0, 2), BOM_A.subarray(2)]
      .map((slice) => decoder.decode(slice, { stream: true }))
      .join("");
    expect(text + decoder.decode()).toBe("\uFEFFa");
  });

  it("is strict by default and lenient on request", () => {
    const invalid = new Uint8Array([0x61, 0xff]);
    expect(() => createUtf8Decoder().decode(invalid)).toThrow(TypeError);
    expect(createUtf8Decoder({ lenient: true }).decode(invalid)).toBe("a\uFFFD");
    expect(createUtf8Decoder({ lenient: true }).decode(BOM_A)).toBe("\uFEFFa");
  });
});
