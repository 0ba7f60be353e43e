import { describe, expect, it } from "vitest";
import { countDiffChanges } from "@/components/view/count-diff-changes";
import type { DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";

const change = { path: "/a", op: "changed" as const, before: "1", after: "2" };
const header = { name: "x", op: "added" as const, before: null, after: "1" };
const diff = (headers: number, body: number, truncated = false): DeliveryDiff => ({
  headers: Array.from({ length: headers }, () => header),
  body: {
    kind: "json",
    changes: Array.from({ length: body }, () => change),
    truncated,
    limit: truncated ? "changes" : null,
  },
});

describe("countDiffChanges", () => {
  it("counts header and body changes, marks a truncated list, and is null when equal", () => {
    expect(countDiffChanges({ diff: diff(0, 0) })).toBeNull();
    expect(countDiffChanges({ diff: diff(1, 0) })).toBe("1 change");
    expect(countDiffChanges({ diff: diff(1, 2) })).toBe("3 changes");
    expect(countDiffChanges({ diff: diff(0, 1000, true) })).toBe("1000+ changes");
  });

  it("does not count headers that every delivery sets anew", () => {
    const resent = diff(0, 0);
    resent.headers = [
      { name: "date", op: "changed", before: "a", after: "b" },
      { name: "x-callcov-signature", op: "changed", before: "a", after: "b" },
    ];
    expect(countDiffChanges({ diff: resent })).toBeNull();
  });
});
