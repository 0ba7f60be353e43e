import { describe, expect, it } from "vitest";
import { toJsonText } from "@/lib/capture/to-json-text";

describe("toJsonText", () => {
  it("gives JSON.stringify's text for every kind of value", () => {
    for (const value of [
      null,
      1,
      "a\u2028",
      [1, { b: 2 }],
      { a: [null] },
      Object.freeze({ x: 1 }),
    ]) {
      expect(toJsonText(value)).toBe(JSON.stringify(value));
    }
  });

  it("serializes a deeply frozen object once, and an unfrozen one every time", () => {
    let calls = 0;
    const counted = () => ({
      toJSON() {
        calls++;
        return { status: 200 };
      },
    });
    const frozen = Object.freeze(counted());
    expect([toJsonText(frozen), toJsonText(frozen)]).toEqual(['{"status":200}', '{"status":200}']);
    expect(calls).toBe(1);
    const open = counted();
    toJsonText(open);
    toJsonText(open);
    expect(calls).toBe(3);
  });

  it("serializes a frozen object with a mutable part every time", () => {
    const headers: Record<string, string> = {};
    const plan = Object.freeze({ status: 200, headers });
    expect(toJsonText(plan)).toBe('{"status":200,"headers":{}}');
    headers["X-Later"] = "1";
    expect(toJsonText(plan)).toBe('{"status":200,"headers":{"X-Later":"1"}}');
  });
});
