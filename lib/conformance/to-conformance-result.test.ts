import { describe, expect, it } from "vitest";
import { CONFORMANCE_LIST_LIMITS } from "@/lib/conformance/conformance-schema";
import { toConformanceResult } from "@/lib/conformance/to-conformance-result";

describe("toConformanceResult", () => {
  it("points refused and missing properties at themselves, escaped as JSON Pointer tokens", () => {
    const result = toConformanceResult({
      schema: "bin@x",
      errors: [
        {
          instancePath: "/a",
          keyword: "additionalProperties",
          params: { additionalProperty: "b/c" },
        },
        { instancePath: "", keyword: "required", params: { missingProperty: "m~n" } },
      ],
    });
    expect(result.errors).toEqual([
      { path: "/a/b~1c", message: "is not allowed" },
      { path: "/m~0n", message: "is required" },
    ]);
    expect(result.valid).toBe(false);
  });

  it("drops the if-keyword echo and duplicates, and caps the list but not the verdict", () => {
    const many = Array.from({ length: 80 }, (_, index) => ({
      instancePath: `/items/${index}`,
      keyword: "type",
      params: {},
      message: "must be string",
    }));
    const result = toConformanceResult({
      schema: "bin@x",
      errors: [
        { instancePath: "", keyword: "if", params: {}, message: 'must match "then" schema' },
        ...many,
        ...many,
      ],
    });
    expect(result.errors).toHaveLength(CONFORMANCE_LIST_LIMITS.errors);
    expect(result.errors[0]).toEqual({ path: "/items/0", message: "must be string" });
  });

  it("turns only the given keyword into unknown fields", () => {
    const unknown = {
      instancePath: "/call",
      keyword: "unevaluatedProperties",
      params: { unevaluatedProperty: "x" },
    };
    expect(
      toConformanceResult({
        schema: "s",
        errors: [unknown],
        unknownKeyword: "unevaluatedProperties",
      }),
    ).toEqual({
      schema: "s",
      valid: true,
      errors: [],
      unknownFields: ["/call/x"],
    });
    // A bin's own unevaluatedProperties: false is an error like any other.
    expect(toConformanceResult({ schema: "s", errors: [unknown] }).errors).toEqual([
      { path: "/call/x", message: "is not allowed" },
    ]);
  });
});
