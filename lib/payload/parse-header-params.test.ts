import { describe, expect, it } from "vitest";

import { parseHeaderParams } from "@/lib/payload/parse-header-params";

const parse = (header: string) => {
  const { value, params } = parseHeaderParams({ header });
  return { value, params: Object.fromEntries(params) };
};

describe("parseHeaderParams", () => {
  // prettier-ignore
  it.each<[string, string, string, Record<string, string>]>([
    // why, header, its value, its parameters
    ["lower-cases the value and parameter names but not parameter values",
      "Multipart/Form-Data; BOUNDARY=AbC", "multipart/form-data", { boundary: "AbC" }],
    ["handles a header without parameters", " application/json ", "application/json", {}],
    ["handles the empty header", "", "", {}],
    ["unquotes quoted values with ; inside and escaped quotes",
      'form-data; name="a;b"; filename="say \\"hi\\".txt"', "form-data",
      { name: "a;b", filename: 'say "hi".txt' }],
    ["keeps unescaped backslashes from Windows paths",
      'form-data; filename="C:\\dir\\f.txt"', "form-data", { filename: "C:\\dir\\f.txt" }],
    ["tolerates whitespace, empty segments, valueless and unterminated parameters",
      'text/plain ;; charset = utf-8 ; flag; q="open', "text/plain", { charset: "utf-8", q: "open" }],
    ["keeps the first of duplicated parameters",
      "multipart/mixed; boundary=one; boundary=two", "multipart/mixed", { boundary: "one" }],
  ])("%s", (_why, header, value, params) => {
    expect(parse(header)).toEqual({ value, params });
  });

  it("does not treat prototype keys specially", () => {
    expect(parse("x; __proto__=a; constructor=b").params).toEqual({
      ["__proto__"]: "a",
      constructor: "b",
    });
  });
});
