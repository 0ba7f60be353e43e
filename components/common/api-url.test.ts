import { describe, expect, it } from "vitest";
import { apiUrl } from "@/components/common/api-url";
import { EMPTY_FILTER } from "@/lib/payload/empty-filter";

describe("apiUrl", () => {
  it("escapes ids in every path", () => {
    expect(apiUrl.bin("a/b?c")).toBe("/api/bins/a%2Fb%3Fc");
    expect(apiUrl.delivery("bin", "../x")).toBe("/api/bins/bin/deliveries/..%2Fx");
    expect(apiUrl.raw("bin", "d#1")).toBe("/api/bins/bin/deliveries/d%231/raw");
    expect(apiUrl.claim("b")).toBe("/api/bins/b/claim");
    expect(apiUrl.settings("b")).toBe("/api/bins/b/settings");
    expect(apiUrl.samples("b")).toBe("/api/bins/b/samples");
    expect(apiUrl.bins()).toBe("/api/bins");
  });

  it("builds list pages with limit, cursor and the filter's parameters", () => {
    expect(apiUrl.deliveries("b")).toBe("/api/bins/b/deliveries");
    expect(apiUrl.deliveries("b", { filter: EMPTY_FILTER, before: null, limit: 50 })).toBe(
      "/api/bins/b/deliveries?limit=50",
    );
    expect(
      apiUrl.deliveries("b", {
        filter: { ...EMPTY_FILTER, method: " post ", body: "a&b" },
        before: "c/1",
        limit: 50,
      }),
    ).toBe("/api/bins/b/deliveries?limit=50&before=c%2F1&method=POST&body=a%26b");
  });

  it("resumes the live stream after the last event id, and exports with the filter", () => {
    expect(apiUrl.events("b", null)).toBe("/api/bins/b/events");
    expect(apiUrl.events("b", "0193-x")).toBe("/api/bins/b/events?lastEventId=0193-x");
    expect(apiUrl.export("b", "har", EMPTY_FILTER)).toBe("/api/bins/b/export?format=har");
    expect(apiUrl.export("b", "jsonl", { ...EMPTY_FILTER, path: "/x" })).toBe(
      "/api/bins/b/export?format=jsonl&path=%2Fx",
    );
  });
});
