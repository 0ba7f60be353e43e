import { describe, expect, it } from "vitest";
import { formatByteSize } from "@/lib/payload/format-byte-size";

describe("formatByteSize", () => {
  it("uses bytes below 1 KiB and binary units above", () => {
    expect(formatByteSize({ bytes: 0 })).toBe("0 B");
    expect(formatByteSize({ bytes: 1023 })).toBe("1023 B");
    expect(formatByteSize({ bytes: 1536 })).toBe("1.5 KiB");
    expect(formatByteSize({ bytes: 20 * 1024 })).toBe("20 KiB");
    expect(formatByteSize({ bytes: 5 * 1024 * 1024 })).toBe("5 MiB");
  });

  it("does not invent sizes for nonsense input", () => {
    expect(formatByteSize({ bytes: -1 })).toBe("–");
    expect(formatByteSize({ bytes: Number.NaN })).toBe("–");
  });
});
