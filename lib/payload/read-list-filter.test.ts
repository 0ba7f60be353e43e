import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "@/lib/payload/empty-filter";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";
import { readListFilter } from "@/lib/payload/read-list-filter";

const read = (query: string) => readListFilter({ params: new URLSearchParams(query) });

describe("readListFilter", () => {
  it("round-trips every filter through the address", () => {
    const filter: ListFilter = {
      method: "POST",
      path: "/hooks?x=1 & y",
      header: "x-callcov-signature",
      body: '"status":"failed"',
      signature: "invalid",
      conformance: "valid",
      json: ["status=failed", 'a.0.b="x=y"'],
    };
    expect(read(buildFilterQuery({ filter }))).toEqual(filter);
  });

  it("reads nothing from an empty address", () => {
    expect(read("")).toEqual(EMPTY_FILTER);
  });

  it.each([
    ["method=post", { method: "POST" }],
    ["method=GET%20X", { method: "" }],
    ["signature=forged", { signature: "" }],
    ["signature=no_secret", { signature: "no_secret" }],
    ["conformance=invalid", { conformance: "invalid" }],
    ["conformance=maybe", { conformance: "" }],
    ["json=status%3Dfailed&json=nope&json=%3Dx", { json: ["status=failed"] }],
  ])("%s", (query, expected) => {
    expect(read(query)).toMatchObject(expected);
  });
});
