import { describe, expect, it } from "vitest";
import { parseMatchOptions } from "@/lib/cli/parse-match-options";

describe("parseMatchOptions", () => {
  it("splits json matches from the list's filters", () => {
    expect(
      parseMatchOptions({
        pairs: [
          "json.status=completed",
          "method=POST",
          "json.a.b.0=3",
          "path=/x=y",
          "signature=valid",
        ],
      }),
    ).toEqual({
      filter: { method: "POST", path: "/x=y", signature: "valid" },
      match: ["status=completed", "a.b.0=3"],
    });
  });

  it.each(["status=completed", "json.status", "json.=1", "nope=1", "=x", "method"])(
    "refuses %j as a usage error",
    (pair) => {
      expect(() => parseMatchOptions({ pairs: [pair] })).toThrow(
        expect.objectContaining({ exitCode: 2 }),
      );
    },
  );

  it("refuses the same filter twice", () => {
    expect(() => parseMatchOptions({ pairs: ["method=POST", "method=PUT"] })).toThrow(/twice/);
  });
});
