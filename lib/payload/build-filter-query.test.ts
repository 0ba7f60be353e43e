import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "@/lib/payload/empty-filter";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";

const none = EMPTY_FILTER;

describe("buildFilterQuery", () => {
  it("is empty without filters", () => {
    expect(buildFilterQuery({ filter: none })).toBe("");
  });

  it("encodes every set field and upper-cases the method", () => {
    expect(
      buildFilterQuery({
        filter: {
          method: "post",
          path: "/hooks?x=1",
          header: "X-Id: a&b",
          body: '"status": "failed"',
          signature: "invalid",
          conformance: "invalid",
          json: ["status=failed", "metadata.attempt=2"],
        },
      }),
    ).toBe(
      "method=POST&path=%2Fhooks%3Fx%3D1&header=X-Id%3A+a%26b&body=%22status%22%3A+%22failed%22&signature=invalid&conformance=invalid&json=status%3Dfailed&json=metadata.attempt%3D2",
    );
  });

  it("keeps body text exactly (spaces matter for a substring search)", () => {
    const query = buildFilterQuery({ filter: { ...none, body: " a " } });
    expect(new URLSearchParams(query).get("body")).toBe(" a ");
  });
});
