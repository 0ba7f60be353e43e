import { describe, expect, it } from "vitest";
import { DEFAULT_TEXT_DIFF_LIMITS, diffTextLines } from "@/lib/diff/diff-text-lines";

const diff = (before: string, after: string, limits = {}) =>
  diffTextLines({ before, after, limits: { ...DEFAULT_TEXT_DIFF_LIMITS, ...limits } });

describe("diffTextLines", () => {
  it("finds nothing between equal texts", () => {
    expect(diff("a\nb\n", "a\nb\n")).toEqual({ changes: [], truncated: false, limit: null });
  });

  it("numbers changed and removed lines in before, added lines in after", () => {
    const result = diff("one\ntwo\nthree\nfour\nfive\n", "zero\none\nTWO\nthree\nfive\n");
    expect(result.changes).toEqual([
      { path: "L1", op: "added", before: null, after: "zero" },
      { path: "L2", op: "changed", before: "two", after: "TWO" },
      { path: "L4", op: "removed", before: "four", after: null },
    ]);
  });

  it("reports a run of lines as one range", () => {
    expect(diff("a\nb\nc\nd\n", "a\nX\nY\nZ\nd\n").changes).toEqual([
      { path: "L2-L3", op: "changed", before: "b\nc", after: "X\nY\nZ" },
    ]);
  });

  it("keeps the final line break when it is the only difference", () => {
    expect(diff("a\nb\n", "a\nb").changes).toEqual([
      { path: "L2", op: "changed", before: "b\n", after: "b" },
    ]);
  });

  it("lists at most maxChanges changes", () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n");
    const after = Array.from({ length: 30 }, (_, i) => (i % 2 ? `LINE ${i}` : `line ${i}`)).join(
      "\n",
    );
    const result = diff(before, after, { maxChanges: 5 });
    expect(result.changes).toHaveLength(5);
    expect(result).toMatchObject({ truncated: true, limit: "changes" });
  });

  it("gives up on texts too far apart (maxEditLength) instead of working hard", () => {
    const before = Array.from({ length: 100 }, (_, i) => `a${i}`).join("\n");
    const after = Array.from({ length: 100 }, (_, i) => `b${i}`).join("\n");
    expect(diff(before, after, { maxEditLength: 50 })).toEqual({
      changes: [],
      truncated: true,
      limit: "effort",
    });
    expect(diff(before, after).changes).toHaveLength(1);
  });

  it("does not diff texts with more lines than maxLines", () => {
    expect(diff("a\n".repeat(20), "b\n".repeat(20), { maxLines: 10 })).toMatchObject({
      truncated: true,
      limit: "effort",
    });
  });
});
