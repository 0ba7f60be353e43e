import { describe, expect, it } from "vitest";

import { parseHeaderParams } from "@/lib/payload/parse-header-params";

const parse = (header: string) => {
  const { value, params } = parseHeaderParams({ header });
  return { value, params: Object.fromEntries(params) };
};

describe("parseHeaderParams", () => {
  it("lower-cases the value and parameter names but not parameter values", () => {
    expect(parse("Multipart/Form-Data; BOUNDARY=AbC")).toEqual({
      value: "multipart/form-data",
      params: { boundary: "AbC" },
    });
  });

  it("handles a header without parameters and the empty header", () => {
    expect(parse(" application/json ")).toEqual({ value: "application/json", params: {} });
    expect(parse("")).toEqual({ value: "", params: {} });
  });

  it("unquotes quoted values with ; inside and escaped quotes", () => {
    expect(parse('form-data; name="a;b"; filename="say \\"hi\\".txt"')).toEqual({
      value: "form-data",
      params: { name: "a;b", filename: 'say "hi".txt' },
    });
  });

  it("keeps unescaped backslashes from Windows paths", () => {
    expect(parse('form-data; filename="C:\\dir\\f.txt"').params.filename).toBe("C:\\dir\\f.txt");
  });

  it("tolerates whitespace, empty segments, valueless and unterminated parameters", () => {
    expect(parse('text/plain ;; charset = utf-8 ; flag; q="open')).toEqual({
      value: "text/plain",
      params: { charset: "utf-8", q: "open" },
    });
  });

  it("keeps the first of duplicated parameters", () => {
    expect(parse("multipart/mixed; boundary=one; boundary=two").params.boundary).toBe("one");
  });

  it("does not treat prototype keys specially", () => {
    expect(parse("x; __proto__=a; constructor=b").params).toEqual({
      ["__proto__"]: "a",
      constructor: "b",
    });
  });
});
