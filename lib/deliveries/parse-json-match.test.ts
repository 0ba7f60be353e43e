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
});
