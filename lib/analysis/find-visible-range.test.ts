import { describe, expect, it } from "vitest";
import { findVisibleRange } from "@/lib/analysis/find-visible-range";

// Rows of heights 10, 20, 30, 40, 50 → tops 0, 10, 30, 60, 100, total 150.
const offsets = [0, 10, 30, 60, 100, 150];

describe("findVisibleRange", () => {
  it("covers the rows intersecting the viewport", () => {
    expect(findVisibleRange({ offsets, scrollTop: 0, viewportHeight: 25, overscan: 0 })).toEqual({
      start: 0,
      end: 2,
    });
    expect(findVisibleRange({ offsets, scrollTop: 30, viewportHeight: 30, overscan: 0 })).toEqual({
      start: 2,
      end: 4,
    });
    expect(findVisibleRange({ offsets, scrollTop: 65, viewportHeight: 10, overscan: 0 })).toEqual({
      start: 3,
      end: 4,
    });
  });

  it("adds overscan rows on both sides within bounds", () => {
    expect(findVisibleRange({ offsets, scrollTop: 65, viewportHeight: 10, overscan: 1 })).toEqual({
      start: 2,
      end: 5,
    });
    expect(findVisibleRange({ offsets, scrollTop: 0, viewportHeight: 500, overscan: 3 })).toEqual({
      start: 0,
      end: 5,
    });
  });

  it("clamps scroll positions past either end", () => {
    expect(findVisibleRange({ offsets, scrollTop: -50, viewportHeight: 5, overscan: 0 })).toEqual({
      start: 0,
      end: 1,
    });
    expect(findVisibleRange({ offsets, scrollTop: 900, viewportHeight: 50, overscan: 0 })).toEqual({
      start: 4,
      end: 5,
    });
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
