import { describe, expect, it } from "vitest";
import { exceedsJsonDepth } from "@/lib/diff/exceeds-json-depth";

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
});
