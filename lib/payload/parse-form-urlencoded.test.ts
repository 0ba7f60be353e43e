import { describe, expect, it } from "vitest";

import { parseFormUrlencoded } from "@/lib/payload/parse-form-urlencoded";

describe("parseFormUrlencoded", () => {
  // One row a case: why, the body, the fields it parses to as [name, value] pairs.
  // prettier-ignore
  it.each<[string, string, Array<[string, string]>]>([
    ["keeps order and duplicates", "b=2&a=1&b=3", [["b", "2"], ["a", "1"], ["b", "3"]]],
    ["decodes + as space and percent escapes as UTF-8, with %2B staying a plus",
      "q=a+b%2Bc&na%C3%AFve=%E2%82%AC", [["q", "a b+c"], ["naïve", "€"]]],
    ["keeps invalid percent-encoding literally instead of throwing",
      "a=100%&b=%zz&c=%FF&d=%E2%82", [["a", "100%"], ["b", "%zz"], ["c", "%FF"], ["d", "%E2%82"]]],
    ["skips empty segments and handles missing names, values and '='",
      "&&a&=x&b=&c==d&", [["a", ""], ["", "x"], ["b", ""], ["c", "=d"]]],
    ["returns no fields for empty input", "", []],
    ["does not trim or split on ';'", " a = 1;b=2", [[" a ", " 1;b=2"]]],
  ])("%s", (_why, text, pairs) => {
    expect(parseFormUrlencoded({ text })).toEqual(pairs.map(([name, value]) => ({ name, value })));
  });
});
