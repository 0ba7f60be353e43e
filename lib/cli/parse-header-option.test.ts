import { describe, expect, it } from "vitest";
import { CliError } from "@/lib/cli/cli-error";
import { parseHeaderOption } from "@/lib/cli/parse-header-option";

describe("parseHeaderOption", () => {
  it("splits at the first colon and trims around the value", () => {
    expect(parseHeaderOption({ value: "X-Env:  staging " })).toEqual(["X-Env", "staging"]);
    expect(parseHeaderOption({ value: "X-Url: http://a:1/b" })).toEqual(["X-Url", "http://a:1/b"]);
    expect(parseHeaderOption({ value: "X-Empty:" })).toEqual(["X-Empty", ""]);
  });

  it("refuses a missing colon, a bad name and a value that would split the request", () => {
    for (const value of ["X-Env", ": v", "Bad Name: v", "X-A: 1\r\nX-B: 2"]) {
      expect(() => parseHeaderOption({ value }), value).toThrow(CliError);
    }
  });
});
