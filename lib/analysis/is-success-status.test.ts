import { describe, expect, it } from "vitest";

import { isSuccessStatus } from "@/lib/analysis/is-success-status";

describe("isSuccessStatus", () => {
  it.each([
    [200, true],
    [201, true],
    [204, true],
    [299, true],
    [199, false],
    [300, false],
    [404, false],
    [500, false],
    [null, false],
  ])("%s → %s", (status, success) => {
    expect(isSuccessStatus({ status })).toBe(success);
  });
});
