import { describe, expect, it } from "vitest";
import { applyHeaderEdits } from "@/lib/payload/apply-header-edits";

const captured: Array<[string, string]> = [
  ["Host", "echo"],
  ["X-Trace", "1"],
  ["Content-Type", "application/json"],
  ["x-trace", "2"],
];

describe("applyHeaderEdits", () => {
  it("leaves the headers as captured without edits", () => {
    expect(applyHeaderEdits({ headers: captured })).toEqual(captured);
  });

  it("removes every copy of a name, in any case", () => {
    expect(applyHeaderEdits({ headers: captured, remove: ["X-TRACE"] })).toEqual([
      ["Host", "echo"],
      ["Content-Type", "application/json"],
    ]);
  });

  it("replaces all copies in place of the first, and appends new names", () => {
    expect(
      applyHeaderEdits({
        headers: captured,
        set: [
          ["X-Trace", "9"],
          ["X-New", "a"],
        ],
      }),
    ).toEqual([
      ["Host", "echo"],
      ["X-Trace", "9"],
      ["Content-Type", "application/json"],
      ["X-New", "a"],
    ]);
  });

  it("applies removals before sets, so a removed name can be set afresh", () => {
    expect(
      applyHeaderEdits({
        headers: captured,
        remove: ["content-type"],
        set: [["Content-Type", "text/plain"]],
      }),
    ).toEqual([
      ["Host", "echo"],
      ["X-Trace", "1"],
      ["x-trace", "2"],
      ["Content-Type", "text/plain"],
    ]);
  });
});
