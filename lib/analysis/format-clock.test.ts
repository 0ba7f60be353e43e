import { describe, expect, it } from "vitest";

import { formatClock } from "@/lib/analysis/format-clock";

describe("formatClock", () => {
  it.each([
    [0, "00:00"],
    [2.5, "00:02"],
    [59.99, "00:59"],
    [60, "01:00"],
    [125.5, "02:05"],
    [3599, "59:59"],
    [3600, "1:00:00"],
    [3725, "1:02:05"],
    [36000 + 61, "10:01:01"],
  ])("%s s → %s", (seconds, clock) => {
    expect(formatClock({ seconds })).toBe(clock);
  });

  it.each([null, undefined, Number.NaN, -1, -0.5, Number.POSITIVE_INFINITY])(
    "%s → dash",
    (seconds) => {
      expect(formatClock({ seconds })).toBe("–");
    },
  );
});
