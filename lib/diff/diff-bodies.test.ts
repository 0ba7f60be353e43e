import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffBodies, MAX_JSON_PARSE_DEPTH, type DiffBody } from "@/lib/diff/diff-bodies";

function body(content: string | Uint8Array): DiffBody {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { bytes, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}

const diff = (before: string | Uint8Array, after: string | Uint8Array, maxBodyBytes = 1 << 20) =>
  diffBodies({ before: body(before), after: body(after), maxBodyBytes });

describe("diffBodies", () => {
  it("is json when both parse, and whitespace or key order are no change", () => {
    expect(diff('{"a":1,"b":2}', '{\n  "b": 2,\n  "a": 1\n}')).toEqual({
      kind: "json",
      changes: [],
      truncated: false,
      limit: null,
    });
    expect(diff('{"a":1}', '{"a":2}').changes).toEqual([
      { path: "/a", op: "changed", before: "1", after: "2" },
    ]);
  });

  it("is text when both are UTF-8 but not both JSON, compared by line", () => {
    expect(diff('{"a":1}', "not json")).toMatchObject({
      kind: "text",
      changes: [{ path: "L1", op: "changed", before: '{"a":1}', after: "not json" }],
    });
    expect(diff("", "")).toEqual({ kind: "text", changes: [], truncated: false, limit: null });
    // A leading BOM is text (the one decoder keeps it) and keeps a body from being JSON.
    expect(diff("\uFEFF{}", "{}").kind).toBe("text");
  });

  it("compares JSON nested deeper than MAX_JSON_PARSE_DEPTH as text, without parsing it", () => {
    const deep = (leaf: string) =>
      "[".repeat(MAX_JSON_PARSE_DEPTH + 1) + leaf + "]".repeat(MAX_JSON_PARSE_DEPTH + 1);
    const result = diff(deep("1"), deep("2"));
    expect(result.kind).toBe("text");
    expect(result.changes).toEqual([expect.objectContaining({ path: "L1", op: "changed" })]);
    expect(diff(deep("1").slice(1, -1), deep("2").slice(1, -1)).kind).toBe("json");
  });

  it("is binary when either body is not UTF-8: one change with sizes and SHA-256", () => {
    const binary = new Uint8Array([0xff, 0x00, 0xfe]);
    const result = diff(binary, "abc");
    expect(result.kind).toBe("binary");
    expect(result.changes).toEqual([
      {
        path: "",
        op: "changed",
        before: `3 bytes, sha256 ${body(binary).sha256}`,
        after: `3 bytes, sha256 ${body("abc").sha256}`,
      },
    ]);
    expect(diff(binary, binary)).toEqual({
      kind: "binary",
      changes: [],
      truncated: false,
      limit: null,
    });
  });

  it("does not parse or line-diff bodies over maxBodyBytes: size and SHA-256 only", () => {
    const result = diff(`{"a":"${"x".repeat(100)}"}`, `{"a":"${"y".repeat(100)}"}`, 64);
    expect(result).toMatchObject({ kind: "text", truncated: true, limit: "size" });
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]!.before).toMatch(/^108 bytes, sha256 [0-9a-f]{64}$/);
    expect(diff("x".repeat(100), "x".repeat(100), 64)).toMatchObject({ changes: [], limit: null });
  });

  it("judges the kind of an oversized body from its first maxBodyBytes (all the caller read)", () => {
    const text = body("é".repeat(100));
    // A prefix that cuts "é" in half is still text; invalid bytes in it make it binary.
    const prefix = { ...text, bytes: text.bytes.subarray(0, 65) };
    const binary = body(new Uint8Array(200).fill(0xff));
    expect(diffBodies({ before: prefix, after: body("a"), maxBodyBytes: 65 })).toMatchObject({
      kind: "text",
      limit: "size",
    });
    expect(diffBodies({ before: binary, after: body("a"), maxBodyBytes: 64 })).toMatchObject({
      kind: "binary",
      limit: null,
    });
  });

  it("still says the bodies differ when a bounded diff gave up before listing anything", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join("\n");
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join("\n");
    const result = diff(before, after);
    expect(result).toMatchObject({ kind: "text", truncated: true, limit: "effort" });
    expect(result.changes).toEqual([expect.objectContaining({ path: "", op: "changed" })]);
  });
});
