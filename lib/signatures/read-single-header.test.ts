import { describe, expect, it } from "vitest";

import { readSingleHeader } from "@/lib/signatures/read-single-header";

describe("readSingleHeader", () => {
  it("matches names case-insensitively and trims surrounding whitespace", () => {
    expect(
      readSingleHeader({ headers: [["STRIPE-signature", " v "]], name: "Stripe-Signature" }),
    ).toEqual({
      kind: "present",
      value: "v",
    });
  });

  it("reports absent and duplicated headers", () => {
    expect(readSingleHeader({ headers: [["Other", "x"]], name: "X-A" })).toEqual({
      kind: "absent",
    });
    expect(
      readSingleHeader({
        headers: [
          ["x-a", "1"],
          ["X-A", "1"],
        ],
        name: "X-A",
      }),
    ).toEqual({ kind: "duplicate", count: 2 });
  });
});
