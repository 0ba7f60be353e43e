import { describe, expect, it } from "vitest";
import { toPgTextArray } from "@/lib/database/to-pg-text-array";

// PostgreSQL's reading of these literals: test/integration/capture-statements.test.ts.
describe("toPgTextArray", () => {
  it("quotes every element, escaping only quotes and backslashes", () => {
    expect(toPgTextArray({ items: [] })).toBe("{}");
    expect(toPgTextArray({ items: ["a", "b-1"] })).toBe('{"a","b-1"}');
    expect(toPgTextArray({ items: ["NULL", "x"] })).toBe('{"NULL","x"}');
    expect(toPgTextArray({ items: ['a"b', "c\\d", "e"] })).toBe('{"a\\"b","c\\\\d","e"}');
  });
});
