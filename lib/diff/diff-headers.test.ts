import { describe, expect, it } from "vitest";
import { diffHeaders } from "@/lib/diff/diff-headers";

describe("diffHeaders", () => {
  it("compares names case-insensitively and reports them in lower case", () => {
    expect(
      diffHeaders({
        before: [
          ["Content-Type", "application/json"],
          ["X-Old", "1"],
          ["X-Same", "s"],
        ],
        after: [
          ["content-type", "text/plain"],
          ["x-same", "s"],
          ["X-New", "2"],
        ],
      }),
    ).toEqual([
      { name: "content-type", op: "changed", before: "application/json", after: "text/plain" },
      { name: "x-old", op: "removed", before: "1", after: null },
      { name: "x-new", op: "added", before: null, after: "2" },
    ]);
  });

  it("compares a repeated header as the ordered list of its lines", () => {
    const cookies = (...values: string[]) => values.map((value) => ["Set-Cookie", value] as const);
    expect(diffHeaders({ before: cookies("a=1", "b=2"), after: cookies("a=1", "b=2") })).toEqual(
      [],
    );
    expect(diffHeaders({ before: cookies("a=1", "b=2"), after: cookies("b=2", "a=1") })).toEqual([
      { name: "set-cookie", op: "changed", before: "a=1\nb=2", after: "b=2\na=1" },
    ]);
    expect(diffHeaders({ before: cookies("a=1"), after: cookies("a=1", "a=1") })).toEqual([
      { name: "set-cookie", op: "changed", before: "a=1", after: "a=1\na=1" },
    ]);
    // One line "a, b" is not the same as two lines "a" and "b": byte-exact.
    expect(
      diffHeaders({
        before: [["Accept", "a, b"]],
        after: [
          ["Accept", "a"],
          ["accept", "b"],
        ],
      }),
    ).toHaveLength(1);
  });

  it("finds nothing when only the order of different headers or the case of names changed", () => {
    expect(
      diffHeaders({
        before: [
          ["A", "1"],
          ["B", "2"],
        ],
        after: [
          ["b", "2"],
          ["a", "1"],
        ],
      }),
    ).toEqual([]);
  });
});
