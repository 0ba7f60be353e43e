import { describe, expect, it } from "vitest";

import { buildJsonLines } from "@/lib/payload/build-json-lines";

describe("buildJsonLines", () => {
  it("writes one compact JSON document per line, each ending in a newline", () => {
    const output = buildJsonLines({ records: [{ a: 1 }, [1, 2], "s", 3, null] });
    expect(output).toBe('{"a":1}\n[1,2]\n"s"\n3\nnull\n');
  });

  it("returns the empty string for no records", () => {
    expect(buildJsonLines({ records: [] })).toBe("");
  });

  it("keeps multi-line strings on one line and round-trips them", () => {
    const records = [{ body: "line1\nline2\r\n\u2028end" }, { emoji: "😀", quote: '"' }];
    const output = buildJsonLines({ records });
    const lines = output.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines.slice(0, 2).map((line) => JSON.parse(line) as unknown)).toEqual(records);
  });

  it("writes null for values JSON cannot represent so the line count stays aligned", () => {
    expect(buildJsonLines({ records: [undefined, () => 1, { a: undefined }] })).toBe(
      "null\nnull\n{}\n",
    );
  });
});
