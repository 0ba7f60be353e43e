import { describe, expect, it } from "vitest";
import { buildJsonTreeRows } from "@/lib/payload/build-json-tree-rows";

const expandAll = () => true;
const noLimit = () => Infinity;

describe("buildJsonTreeRows", () => {
  it("flattens expanded containers with open/close rows and commas", () => {
    const rows = buildJsonTreeRows({
      root: { a: 1, b: [true, null] },
      isExpanded: expandAll,
      childLimit: noLimit,
    });
    expect(rows.map((row) => [row.type, row.key, row.depth])).toEqual([
      ["open", null, 0],
      ["value", "a", 1],
      ["open", "b", 1],
      ["value", 0, 2],
      ["value", 1, 2],
      ["close", null, 1],
      ["close", null, 0],
    ]);
    expect(rows[1]).toMatchObject({ value: 1, comma: true });
    expect(rows[4]).toMatchObject({ value: null, comma: false });
  });

  it("emits only the row of a collapsed container", () => {
    const rows = buildJsonTreeRows({
      root: { big: { x: 1, y: 2 } },
      isExpanded: (id) => id === "$",
      childLimit: noLimit,
    });
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ type: "open", key: "big", size: 2, expanded: false });
  });

  it("caps children with a more row", () => {
    const rows = buildJsonTreeRows({
      root: Array.from({ length: 1000 }, (_, i) => i),
      isExpanded: expandAll,
      childLimit: () => 10,
    });
    expect(rows).toHaveLength(1 + 10 + 1 + 1);
    expect(rows[11]).toMatchObject({ type: "more", id: "$", remaining: 990 });
  });

  it("handles deep nesting without recursion", () => {
    let root: unknown = 0;
    for (let i = 0; i < 20_000; i++) root = [root];
    const rows = buildJsonTreeRows({ root, isExpanded: expandAll, childLimit: noLimit });
    expect(rows).toHaveLength(40_001);
  });

  it("keeps own __proto__ keys as data", () => {
    const rows = buildJsonTreeRows({
      root: JSON.parse('{"__proto__": {"polluted": true}}'),
      isExpanded: expandAll,
      childLimit: noLimit,
    });
    expect(rows[1]).toMatchObject({ type: "open", key: "__proto__", size: 1 });
    expect(rows[2]).toMatchObject({ key: "polluted", value: true });
  });
});
