import { describe, expect, it } from "vitest";

import { listBodyVariants } from "@/lib/signatures/list-body-variants";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function variantsOf(body: Uint8Array): string[] {
  return listBodyVariants({ body }).map((variant) => decoder.decode(variant.body));
}

describe("listBodyVariants", () => {
  it("offers newline changes and compact and indented JSON re-serialisations", () => {
    expect(variantsOf(encoder.encode('{ "a": 1 }\n'))).toEqual([
      '{ "a": 1 }',
      '{"a":1}',
      '{\n  "a": 1\n}',
      '{ "a": 1 }\n\n',
    ]);
  });

  it("strips a trailing CRLF as a unit", () => {
    expect(variantsOf(encoder.encode("a=1\r\n"))).toEqual(["a=1", "a=1\r\n\n"]);
  });

  it("leaves out variants identical to the body", () => {
    expect(variantsOf(encoder.encode('{"a":1}'))).toEqual(['{\n  "a": 1\n}', '{"a":1}\n']);
  });

  it("skips JSON variants for non-UTF-8, non-JSON and absurdly nested bodies without throwing", () => {
    expect(variantsOf(new Uint8Array([0x7b, 0xff, 0x7d]))).toHaveLength(1);
    expect(variantsOf(encoder.encode("not json"))).toEqual(["not json\n"]);
    const nested = encoder.encode("[".repeat(200_000) + "]".repeat(200_000));
    expect(() => listBodyVariants({ body: nested })).not.toThrow();
  });

  it("describes each variant for the reason text", () => {
    const descriptions = listBodyVariants({ body: encoder.encode('{"a": 1}\r\n') }).map(
      (variant) => variant.description,
    );
    expect(descriptions).toEqual([
      "the body without its trailing \\r\\n (a line ending was added in transit)",
      "the body re-serialised as compact JSON (a proxy or framework re-encoded it)",
      "the body re-serialised as JSON with 2-space indentation (a proxy or framework re-encoded it)",
      "the body with a \\n appended (a trailing newline was stripped in transit)",
    ]);
  });
});

describe("listBodyVariants on JSON scalars and BOMs", () => {
  const encoder = new TextEncoder();
  const texts = (body: Uint8Array) =>
    listBodyVariants({ body }).map((variant) => new TextDecoder().decode(variant.body));

  it("re-serialises objects and arrays after whitespace or a BOM, not scalars", () => {
    expect(texts(encoder.encode(' \n{ "a": 1 }'))).toContain('{"a":1}');
    expect(texts(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode("[1, 2]")]))).toContain(
      "[1,2]",
    );
    expect(texts(encoder.encode(" 123 "))).toEqual([" 123 \n"]);
  });
});
