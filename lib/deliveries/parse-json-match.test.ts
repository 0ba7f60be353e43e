import { describe, expect, it } from "vitest";
import { parseJsonMatch } from "@/lib/deliveries/parse-json-match";

describe("parseJsonMatch", () => {
  it.each([
    ["status=completed", ["status"], "completed"],
    ['status="completed"', ["status"], "completed"],
    ["a.b.0.c=3", ["a", "b", "0", "c"], 3],
    ['id="3"', ["id"], "3"],
    ["ok=true", ["ok"], true],
    ["gone=null", ["gone"], null],
    ["x=", ["x"], ""],
    ["q=a=b", ["q"], "a=b"],
    ['o={"a":1}', ["o"], '{"a":1}'],
    ["n=1.50", ["n"], 1.5],
  ])("%s", (text, path, value) => {
    expect(parseJsonMatch({ text })).toEqual({ ok: true, match: { path, value } });
  });

  it.each(["status", "=x", "a..b=1", ".a=1", "a.=1", `${"a.".repeat(32)}a=1`])(
    "refuses %s",
    (text) => {
      expect(parseJsonMatch({ text }).ok).toBe(false);
    },
  );

  // Escapes are compared as what they parse to; U+0000, lone surrogates and Infinity have no
  // jsonb text.
  it.each([
    [String.raw`s="\u00e9"`, "é"],
    [String.raw`s="\ud83d\ude00"`, "😀"],
    [String.raw`s="\\u0000"`, "\\u0000"],
    ["s=1e308", 1e308],
  ])("compares %s as its parsed value", (text, value) => {
    expect(parseJsonMatch({ text })).toEqual({ ok: true, match: { path: ["s"], value } });
  });

  it.each([
    [String.raw`s="\u0000"`, "value must not contain U+0000"],
    [String.raw`s="a\u0000b"`, "value must not contain U+0000"],
    [String.raw`s="\ud800"`, "lone surrogate"],
    [String.raw`s="\udfff"`, "lone surrogate"],
    [String.raw`s="\ude00\ud83d"`, "lone surrogate"],
    ["s=a\u0000b", "value must not contain U+0000"],
    ["s\u0000=1", "path must not contain U+0000"],
    ["s.\udc00=1", "path must not contain"],
    ["n=1e400", "finite"],
    ["n=-1e400", "finite"],
  ])("refuses %j, saying why", (text, reason) => {
    const parsed = parseJsonMatch({ text });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toContain(reason);
  });
});
