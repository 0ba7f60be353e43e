import { describe, expect, it } from "vitest";
import { DEFAULT_JSON_DIFF_LIMITS, diffJsonValues } from "@/lib/diff/diff-json-values";

const diff = (before: unknown, after: unknown, limits = {}) =>
  diffJsonValues({ before, after, limits: { ...DEFAULT_JSON_DIFF_LIMITS, ...limits } });

describe("diffJsonValues", () => {
  it("finds nothing between equal documents, whatever their key order", () => {
    expect(diff({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual({
      changes: [],
      truncated: false,
      limit: null,
    });
  });

  it("reports added, removed and changed values with JSON Pointer paths in document order", () => {
    const result = diff(
      { status: "queued", keep: true, gone: 1, nested: { n: 1 } },
      { status: "completed", keep: true, nested: { n: 2 }, extra: [1] },
    );
    expect(result.changes).toEqual([
      { path: "/status", op: "changed", before: '"queued"', after: '"completed"' },
      { path: "/gone", op: "removed", before: "1", after: null },
      { path: "/nested/n", op: "changed", before: "1", after: "2" },
      { path: "/extra", op: "added", before: null, after: "[1]" },
    ]);
    expect(result.truncated).toBe(false);
  });

  it("compares arrays by index", () => {
    expect(diff({ items: [1, 2, 3] }, { items: [1, 5] }).changes).toEqual([
      { path: "/items/1", op: "changed", before: "2", after: "5" },
      { path: "/items/2", op: "removed", before: "3", after: null },
    ]);
    expect(diff([], [{ id: 1 }]).changes).toEqual([
      { path: "/0", op: "added", before: null, after: '{"id":1}' },
    ]);
  });

  it("treats a change of type as one change of the whole value", () => {
    expect(diff({ a: { b: 1 } }, { a: [1] }).changes).toEqual([
      { path: "/a", op: "changed", before: '{"b":1}', after: "[1]" },
    ]);
    expect(diff({ a: "1" }, { a: 1 }).changes).toEqual([
      { path: "/a", op: "changed", before: '"1"', after: "1" },
    ]);
    expect(diff({ a: null }, { a: false }).changes).toHaveLength(1);
    expect(diff(1, 2).changes).toEqual([{ path: "", op: "changed", before: "1", after: "2" }]);
  });

  it("escapes ~ and / in keys (RFC 6901) and handles __proto__ as an ordinary key", () => {
    const before = JSON.parse('{"a/b":1,"c~d":1,"__proto__":{"x":1}}');
    const after = JSON.parse('{"a/b":2,"c~d":2,"__proto__":{"x":2}}');
    expect(diff(before, after).changes.map((change) => change.path)).toEqual([
      "/a~1b",
      "/c~0d",
      "/__proto__/x",
    ]);
  });

  it("lists the first maxChanges changes and says the list is truncated", () => {
    const before = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i]));
    const after = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, -i]));
    const result = diff(before, after);
    expect(result.changes).toHaveLength(1000);
    expect(result.changes[0]!.path).toBe("/k1");
    expect(result).toMatchObject({ truncated: true, limit: "changes" });
  });

  it("bounds the characters listed, not only the count", () => {
    const big = "x".repeat(5000);
    const result = diff(
      Array.from({ length: 50 }, () => big),
      Array.from({ length: 50 }, () => "y"),
      { maxChars: 10_000 },
    );
    // Each change carries a 1,001-character value: ten fit in 10,000 characters.
    expect(result.changes.length).toBe(10);
    expect(result).toMatchObject({ truncated: true, limit: "changes" });
    expect(result.changes[0]!.before).toHaveLength(1001);
    expect(result.changes[0]!.before!.endsWith("…")).toBe(true);
  });

  it("stops with limit effort when the node budget is spent", () => {
    const before = Array.from({ length: 1000 }, (_, i) => i);
    const after = [...before.slice(0, 999), -1];
    expect(diff(before, after, { maxNodes: 500 })).toEqual({
      changes: [],
      truncated: true,
      limit: "effort",
    });
    expect(diff(before, after).changes).toEqual([
      { path: "/999", op: "changed", before: "999", after: "-1" },
    ]);
  });

  it("walks documents nested far deeper than the stack allows, without recursion", () => {
    const depth = 200_000;
    const nest = (leaf: string) => JSON.parse("[".repeat(depth) + leaf + "]".repeat(depth));
    const result = diff(nest("1"), nest("2"), { maxDepth: depth + 10, maxNodes: depth * 3 });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.path.startsWith("/0/0/0")).toBe(true);
    // Paths are clipped like values.
    expect(result.changes[0]!.path).toHaveLength(1001);
  });

  it("reports a difference below maxDepth as one change of the container at that depth", () => {
    const result = diff(
      { a: { b: { c: { d: 1 } } } },
      { a: { b: { c: { d: 2 } } } },
      { maxDepth: 2 },
    );
    expect(result.changes).toEqual([
      { path: "/a/b", op: "changed", before: '{"c":{"d":1}}', after: '{"c":{"d":2}}' },
    ]);
    expect(diff({ a: { b: { c: 1 } } }, { a: { b: { c: 1 } } }, { maxDepth: 1 }).changes).toEqual(
      [],
    );
  });

  it("does not overflow on a deep value that is only on one side", () => {
    const deep = JSON.parse("[".repeat(100_000) + "]".repeat(100_000));
    const result = diff({}, { deep });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.after!.startsWith("[[[[")).toBe(true);
  });
});
