import { describe, expect, it } from "vitest";

import { parseQueryString } from "@/lib/payload/parse-query-string";

describe("parseQueryString", () => {
  it("parses the raw query in order with duplicates", () => {
    expect(parseQueryString({ query: "event=push&id=1&id=2&empty=&flag" })).toEqual([
      { name: "event", value: "push" },
      { name: "id", value: "1" },
      { name: "id", value: "2" },
      { name: "empty", value: "" },
      { name: "flag", value: "" },
    ]);
  });

  it("treats + as a space and keeps bad escapes", () => {
    expect(parseQueryString({ query: "q=hello+world%21&bad=%G1" })).toEqual([
      { name: "q", value: "hello world!" },
      { name: "bad", value: "%G1" },
    ]);
  });

  it("returns nothing for an empty query", () => {
    expect(parseQueryString({ query: "" })).toEqual([]);
  });

  it("keeps a second '?' as part of the first name", () => {
    expect(parseQueryString({ query: "?a=1" })).toEqual([{ name: "?a", value: "1" }]);
  });
});
