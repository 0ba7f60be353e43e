import { describe, expect, it } from "vitest";

import { parseFormUrlencoded } from "@/lib/payload/parse-form-urlencoded";

describe("parseFormUrlencoded", () => {
  it("keeps order and duplicates", () => {
    expect(parseFormUrlencoded({ text: "b=2&a=1&b=3" })).toEqual([
      { name: "b", value: "2" },
      { name: "a", value: "1" },
      { name: "b", value: "3" },
    ]);
  });

  it("decodes + as space and percent escapes as UTF-8, with %2B staying a plus", () => {
    expect(parseFormUrlencoded({ text: "q=a+b%2Bc&na%C3%AFve=%E2%82%AC" })).toEqual([
      { name: "q", value: "a b+c" },
      { name: "naïve", value: "€" },
    ]);
  });

  it("keeps invalid percent-encoding literally instead of throwing", () => {
    expect(parseFormUrlencoded({ text: "a=100%&b=%zz&c=%FF&d=%E2%82" })).toEqual([
      { name: "a", value: "100%" },
      { name: "b", value: "%zz" },
      { name: "c", value: "%FF" },
      { name: "d", value: "%E2%82" },
    ]);
  });

  it("skips empty segments and handles missing names, values and '='", () => {
    expect(parseFormUrlencoded({ text: "&&a&=x&b=&c==d&" })).toEqual([
      { name: "a", value: "" },
      { name: "", value: "x" },
      { name: "b", value: "" },
      { name: "c", value: "=d" },
    ]);
  });

  it("returns no fields for empty input", () => {
    expect(parseFormUrlencoded({ text: "" })).toEqual([]);
  });

  it("does not trim or split on ';'", () => {
    expect(parseFormUrlencoded({ text: " a = 1;b=2" })).toEqual([{ name: " a ", value: " 1;b=2" }]);
  });
});
