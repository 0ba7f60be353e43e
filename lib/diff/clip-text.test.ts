import { describe, expect, it } from "vitest";
import { clipText } from "@/lib/diff/clip-text";

describe("clipText", () => {
  it("keeps short text and cuts long text with a trailing …", () => {
    expect(clipText({ text: "abc", maxChars: 3 })).toBe("abc");
    expect(clipText({ text: "abcd", maxChars: 3 })).toBe("abc…");
    expect(clipText({ text: "x".repeat(2000) })).toHaveLength(1001);
  });

  it("never splits a surrogate pair", () => {
    expect(clipText({ text: "ab😀cd", maxChars: 3 })).toBe("ab…");
    expect(clipText({ text: "ab😀cd", maxChars: 4 })).toBe("ab😀…");
  });
});
