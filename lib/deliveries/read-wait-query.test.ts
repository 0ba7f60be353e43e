import { describe, expect, it } from "vitest";
import { readWaitQuery } from "@/lib/deliveries/read-wait-query";

const read = (query: string) => readWaitQuery({ searchParams: new URLSearchParams(query) });

describe("readWaitQuery", () => {
  it("defaults to after=now and 30 s, with no filter", () => {
    expect(read("")).toEqual({ after: "now", timeoutMs: 30_000, filter: {} });
  });

  it("reads the list's filters, json= repeated", () => {
    const id = "019ad000-0000-7000-8000-000000000001";
    expect(
      read(`after=${id}&timeout=1.5&method=post&json=a.b%3D1&json=status%3Dcompleted`),
    ).toEqual({
      after: id,
      timeoutMs: 1500,
      filter: { method: "post", json: ["a.b=1", "status=completed"] },
    });
  });

  it("refuses an unknown parameter by name (a typo must not wait for anything)", () => {
    expect(() => read("jsn=status%3Dcompleted&timeout=5")).toThrow(/Unknown parameter "jsn"/);
  });

  it.each(["timeout=0.5", "timeout=61", "after=yesterday", "json=nopath"])(
    "refuses %s",
    (query) => {
      expect(() => read(query)).toThrow();
    },
  );
});
