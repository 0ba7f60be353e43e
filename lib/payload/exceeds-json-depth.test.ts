import { describe, expect, it } from "vitest";
import { exceedsJsonDepth } from "@/lib/payload/exceeds-json-depth";

describe("exceedsJsonDepth", () => {
  it("counts nesting of objects and arrays", () => {
    expect(exceedsJsonDepth({ text: '{"a":[1,{"b":[]}]}', maxDepth: 4 })).toBe(false);
    expect(exceedsJsonDepth({ text: '{"a":[1,{"b":[]}]}', maxDepth: 3 })).toBe(true);
    expect(exceedsJsonDepth({ text: "[[],[],[]]", maxDepth: 2 })).toBe(false);
    expect(exceedsJsonDepth({ text: "1", maxDepth: 0 })).toBe(false);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(exceedsJsonDepth({ text: '["[[[[", "\\"[[[["]', maxDepth: 1 })).toBe(false);
    expect(exceedsJsonDepth({ text: '["\\\\", [[1]]]', maxDepth: 2 })).toBe(true);
  });

  it("gives the same answer on the UTF-8 bytes as on the text", () => {
    for (const text of [
      '{"a":[1,{"b":[]}]}',
      '["é€😀[[[", "\\"[[[["]',
      '["\\\\", [[1]]]',
      "[[[",
      '"é[[["',
    ]) {
      for (const maxDepth of [0, 1, 2, 3, 4]) {
        const bytes = new TextEncoder().encode(text);
        expect(exceedsJsonDepth({ text: bytes, maxDepth })).toBe(
          exceedsJsonDepth({ text, maxDepth }),
        );
      }
    }
  });
});
