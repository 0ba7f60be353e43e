import { describe, expect, it } from "vitest";

import { parseQueryString } from "@/lib/payload/parse-query-string";

// The decoding rules are parseFormUrlencoded's (tested there); these are what a query adds.
describe("parseQueryString", () => {
  // prettier-ignore
  it.each<[string, string, Array<[string, string]>]>([
    ["parses the raw query in order, with duplicates and bare flags",
      "event=push&id=1&id=2&empty=&flag",
      [["event", "push"], ["id", "1"], ["id", "2"], ["empty", ""], ["flag", ""]]],
    ["treats + as a space and keeps bad escapes", "q=hello+world%21&bad=%G1",
      [["q", "hello world!"], ["bad", "%G1"]]],
    ["returns nothing for an empty query", "", []],
    ["keeps a second '?' as part of the first name", "?a=1", [["?a", "1"]]],
  ])("%s", (_why, query, pairs) => {
    expect(parseQueryString({ query })).toEqual(pairs.map(([name, value]) => ({ name, value })));
  });
});
