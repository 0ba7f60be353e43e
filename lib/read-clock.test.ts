import { describe, expect, it } from "vitest";
import { readClock } from "@/lib/read-clock";

describe("readClock", () => {
  it("reads the current time as a real Date", () => {
    const before = Date.now();
    const date = readClock();
    expect(date).toBeInstanceOf(Date);
    expect(date.getTime()).toBeGreaterThanOrEqual(before);
    expect(date.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("keeps the Date it was loaded with, whatever replaces the global later (Next's wrapper)", () => {
    const original = globalThis.Date;
    globalThis.Date = function wrapped() {
      throw new Error("the replaced global was called");
    } as unknown as DateConstructor;
    try {
      expect(readClock()).toBeInstanceOf(original);
    } finally {
      globalThis.Date = original;
    }
  });
});
