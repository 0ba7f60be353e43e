import { describe, expect, it } from "vitest";
import { readClockMs } from "@/lib/read-clock-ms";

describe("readClockMs", () => {
  it("keeps the Date.now it was loaded with, whatever replaces it later (Next's wrapper)", () => {
    const original = Date.now;
    Date.now = () => {
      throw new Error("the replaced Date.now was called");
    };
    try {
      const ms = readClockMs();
      expect(Math.abs(ms - original())).toBeLessThan(1000);
    } finally {
      Date.now = original;
    }
  });
});
