import { describe, expect, it } from "vitest";
import { splitHighlights } from "@/lib/payload/split-highlights";

describe("splitHighlights", () => {
  it("marks every case-insensitive match and keeps the original text", () => {
    expect(splitHighlights({ text: "Bill billing BILL", query: "bill" })).toEqual([
      { text: "Bill", match: true },
      { text: " ", match: false },
      { text: "bill", match: true },
      { text: "ing ", match: false },
      { text: "BILL", match: true },
    ]);
  });

  it("returns the text unsplit without a query or a match", () => {
    expect(splitHighlights({ text: "hello", query: "" })).toEqual([
      { text: "hello", match: false },
    ]);
    expect(splitHighlights({ text: "hello", query: "xyz" })).toEqual([
      { text: "hello", match: false },
    ]);
    expect(splitHighlights({ text: "", query: "a" })).toEqual([]);
  });

  it("treats markup as plain characters", () => {
    expect(splitHighlights({ text: "<b>x</b>", query: "<b>" })).toEqual([
      { text: "<b>", match: true },
      { text: "x</b>", match: false },
    ]);
  });

  it("does not overlap matches", () => {
    expect(splitHighlights({ text: "aaa", query: "aa" })).toEqual([
      { text: "aa", match: true },
      { text: "a", match: false },
    ]);
  });

  it("stays in bounds when lower-casing changes lengths", () => {
    const parts = splitHighlights({ text: "İstanbul ist", query: "ist" });
    expect(parts.map((part) => part.text).join("")).toBe("İstanbul ist");
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(["ist"]);
  });
});
