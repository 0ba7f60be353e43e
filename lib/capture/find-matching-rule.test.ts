import { describe, expect, it } from "vitest";
import { findMatchingRule, type RuleRequest } from "@/lib/capture/find-matching-rule";
import type { ResponseRule } from "@/lib/bins/bin-settings-schema";

const request: RuleRequest = {
  method: "POST",
  path: "/webhooks/stripe",
  headers: [
    ["Content-Type", "application/json"],
    ["X-Event", "invoice.paid"],
    ["x-event", "second"],
  ],
  json: { ok: true, value: { type: "invoice.paid", data: { items: [{ id: 7 }], live: false } } },
};

const respond = { status: 200 };

function first(...whens: ResponseRule["when"][]): number {
  return findMatchingRule({ rules: whens.map((when) => ({ when, response: respond })), request });
}

describe("findMatchingRule", () => {
  it.each<[string, ResponseRule["when"], boolean]>([
    ["empty when matches everything", {}, true],
    ["method, case-insensitive", { method: "post" }, true],
    ["other method", { method: "GET" }, false],
    ["path glob", { path: "/webhooks/*" }, true],
    ["path glob miss", { path: "/hooks/*" }, false],
    [
      "header name case-insensitive, value contains",
      { header: { name: "x-EVENT", contains: "paid" } },
      true,
    ],
    ["any of repeated headers", { header: { name: "X-Event", contains: "second" } }, true],
    ["header value is case-sensitive", { header: { name: "X-Event", contains: "PAID" } }, false],
    ["header present (empty contains)", { header: { name: "content-type", contains: "" } }, true],
    ["header absent", { header: { name: "X-Missing", contains: "" } }, false],
    ["json equals string", { json: { path: "type", equals: "invoice.paid" } }, true],
    ["json with $. and array index", { json: { path: "$.data.items.0.id", equals: 7 } }, true],
    ["json false", { json: { path: "data.live", equals: false } }, true],
    ["json type matters", { json: { path: "$.data.items.0.id", equals: "7" } }, false],
    ["json missing key", { json: { path: "data.nope", equals: null } }, false],
    ["json no prototype lookups", { json: { path: "data.constructor", equals: null } }, false],
    [
      "all given fields must match",
      { method: "POST", path: "/webhooks/*", json: { path: "type", equals: "other" } },
      false,
    ],
  ])("%s", (_name, when, expected) => {
    expect(first(when)).toBe(expected ? 0 : -1);
  });

  it("first match wins", () => {
    expect(first({ method: "GET" }, { path: "/webhooks/**" }, {})).toBe(1);
  });

  it("never matches a json condition on a body that is not JSON", () => {
    const rules: ResponseRule[] = [
      { when: { json: { path: "$", equals: null } }, response: respond },
    ];
    expect(findMatchingRule({ rules, request: { ...request, json: { ok: false } } })).toBe(-1);
  });
});
