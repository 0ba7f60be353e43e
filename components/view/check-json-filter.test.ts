import { describe, expect, it } from "vitest";
import { checkJsonFilter } from "@/components/view/check-json-filter";

describe("checkJsonFilter", () => {
  it.each([[[]], [["status=failed"]], [["metadata.attempt=2", 'a.0="x=y"']]])(
    "accepts %j",
    (entries) => {
      expect(checkJsonFilter({ entries })).toEqual({ ok: true });
    },
  );

  it.each([
    [["status"], "expected <dot.path>=<value>"],
    [["=x"], "expected <dot.path>=<value>"],
    [["a..b=1"], "path segments must not be empty"],
    [["a=\u0000"], "NUL (U+0000) and lone surrogates cannot be searched"],
    [[String.raw`a="\u0000"`], "the value must not contain U+0000 or a lone surrogate"],
    [[String.raw`a="\ud800"`], "the value must not contain U+0000 or a lone surrogate"],
    [["a=1e400"], "a number value must be finite"],
    [Array.from({ length: 11 }, (_, index) => `k${index}=1`), "At most 10 JSON filters"],
    [[`a=${"x".repeat(5_000)}`], "At most 1,000 characters"],
  ])("refuses %j with the server's reason", (entries, message) => {
    const result = checkJsonFilter({ entries });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
