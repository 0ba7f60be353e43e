import { describe, expect, it } from "vitest";
import { buildJsonTreeRows } from "@/lib/payload/build-json-tree-rows";
import { locateJsonPointer } from "@/lib/payload/locate-json-pointer";

const body = {
  id: "a",
  "a/b": { "m~n": 1 },
  transcript: { segments: [{ start: 0 }, { speaker: "Agent", start: "late" }] },
};

describe("locateJsonPointer", () => {
  it.each([
    ["", "$", []],
    ["/id", "$.0", ["$"]],
    ["/a~1b/m~0n", "$.1.0", ["$", "$.1"]],
    ["/transcript/segments/1/start", "$.2.0.1.1", ["$", "$.2", "$.2.0", "$.2.0.1"]],
  ])("resolves %j to the tree row %s", (pointer, id, ancestors) => {
    const location = locateJsonPointer({ root: body, pointer });
    expect(location).toMatchObject({ id, exact: true });
    expect(location.ancestors.map((ancestor) => ancestor.id)).toEqual(ancestors);
  });

  it.each([
    ["/missing", "$"],
    ["/transcript/segments/7/start", "$.2.0"],
    ["/transcript/segments/01", "$.2.0"],
    ["/id/deeper", "$.0"],
  ])("lands %j on its deepest existing ancestor %s", (pointer, id) => {
    expect(locateJsonPointer({ root: body, pointer })).toMatchObject({ id, exact: false });
  });

  it("names the row the tree itself renders for that value", () => {
    const rows = buildJsonTreeRows({ root: body, isExpanded: () => true, childLimit: () => 100 });
    const { id } = locateJsonPointer({ root: body, pointer: "/transcript/segments/1/start" });
    expect(rows.find((row) => row.id === id)).toMatchObject({ key: "start", value: "late" });
  });

  it("gives the child index taken in each container, for paging long arrays", () => {
    const long = { items: Array.from({ length: 250 }, (_, index) => index) };
    const location = locateJsonPointer({ root: long, pointer: "/items/230" });
    expect(location.ancestors).toEqual([
      { id: "$", childIndex: 0 },
      { id: "$.0", childIndex: 230 },
    ]);
  });
});
