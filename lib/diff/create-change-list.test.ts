import { describe, expect, it } from "vitest";
import { createChangeList } from "@/lib/diff/create-change-list";

describe("createChangeList", () => {
  it("refuses changes past maxChanges", () => {
    const list = createChangeList({ maxChanges: 2, maxChars: 1000 });
    const change = { path: "/a", op: "changed" as const, before: "1", after: "2" };
    expect([list.add(change), list.add(change), list.add(change)]).toEqual([true, true, false]);
    expect(list.changes).toHaveLength(2);
  });

  it("refuses changes once the characters listed reach maxChars, and clips each value", () => {
    const list = createChangeList({ maxChanges: 100, maxChars: 1500 });
    const long = "x".repeat(5000);
    expect(list.add({ path: "", op: "removed", before: long, after: null })).toBe(true);
    expect(list.changes[0]!.before).toHaveLength(1001);
    expect(list.add({ path: "", op: "added", before: null, after: long })).toBe(true);
    expect(list.add({ path: "", op: "added", before: null, after: "y" })).toBe(false);
  });
});
