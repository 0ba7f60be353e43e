import { describe, expect, it } from "vitest";
import { memoizeFrozen } from "@/lib/capture/memoize-frozen";

describe("memoizeFrozen", () => {
  it("derives once per deeply frozen object, and every time for anything else", () => {
    const seen: unknown[] = [];
    const derive = memoizeFrozen({
      derive: (value) => {
        seen.push(value);
        return false;
      },
    });
    const deep = Object.freeze({ headers: Object.freeze({}) });
    const shallow = Object.freeze({ headers: {} });
    const open = { headers: {} };
    for (const value of [deep, deep, shallow, shallow, open, open, "text", "text", null]) {
      expect(derive(value)).toBe(false);
    }
    expect(seen).toEqual([deep, shallow, shallow, open, open, "text", "text", null]);
  });
});
