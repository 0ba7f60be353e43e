import { describe, expect, it } from "vitest";
import { parseDuration } from "@/lib/cli/parse-duration";

describe("parseDuration", () => {
  it.each([
    ["30s", 30_000],
    ["30", 30_000],
    ["2m", 120_000],
    ["2min", 120_000],
    ["1.5h", 5_400_000],
    ["500ms", 500],
    ["90 S", 90_000],
  ])("%s", (text, ms) => expect(parseDuration({ text })).toBe(ms));

  it.each(["", "soon", "-1s", "1d", "s", "1e3"])("refuses %j", (text) =>
    expect(parseDuration({ text })).toBeNull(),
  );
});
