import { describe, expect, it } from "vitest";
import { formatGap } from "@/lib/analysis/format-gap";

describe("formatGap", () => {
  it.each([
    [0, "0 s"],
    [0.4, "0 s"],
    [45.6, "46 s"],
    [60, "1 min"],
    [303, "5 min 3 s"],
    [900, "15 min"],
    [3600, "1 h"],
    [3720, "1 h 2 min"],
    [21600, "6 h"],
  ])("%s s reads %s", (seconds, text) => {
    expect(formatGap({ seconds })).toBe(text);
  });

  it("shows a dash for missing or impossible gaps", () => {
    expect(formatGap({ seconds: null })).toBe("–");
    expect(formatGap({ seconds: -1 })).toBe("–");
    expect(formatGap({ seconds: Number.NaN })).toBe("–");
  });
});
