import { describe, expect, it } from "vitest";
import { findVisibleRange } from "@/lib/analysis/find-visible-range";

// Rows of heights 10, 20, 30, 40, 50 → tops 0, 10, 30, 60, 100, total 150.
const offsets = [0, 10, 30, 60, 100, 150];

describe("findVisibleRange", () => {
  // prettier-ignore
  it.each([
    // why,                                   scrollTop, viewportHeight, overscan, start, end
    ["covers the rows intersecting the top",          0,  25, 0, 0, 2],
    ["covers the rows intersecting a middle view",   30,  30, 0, 2, 4],
    ["covers a row seen through a small viewport",   65,  10, 0, 3, 4],
    ["adds overscan rows on both sides",             65,  10, 1, 2, 5],
    ["keeps overscan within bounds",                  0, 500, 3, 0, 5],
    ["clamps a scroll position above the top",      -50,   5, 0, 0, 1],
    ["clamps a scroll position past the end",       900,  50, 0, 4, 5],
  ])("%s", (_why, scrollTop, viewportHeight, overscan, start, end) => {
    const range = findVisibleRange({ offsets, scrollTop, viewportHeight, overscan });
    expect(range).toEqual({ start, end });
  });

  it("handles empty lists and many rows quickly", () => {
    expect(
      findVisibleRange({ offsets: [0], scrollTop: 0, viewportHeight: 100, overscan: 2 }),
    ).toEqual({ start: 0, end: 0 });
    const many = Array.from({ length: 100_001 }, (_, index) => index * 50);
    expect(
      findVisibleRange({ offsets: many, scrollTop: 2_500_000, viewportHeight: 500, overscan: 5 }),
    ).toEqual({ start: 49_995, end: 50_016 });
  });
});
