import { describe, expect, it } from "vitest";
import { searchTranscript } from "@/lib/analysis/search-transcript";

const segments = [
  { speaker: "Agent", text: "Hello, how can I help?", start: 0, end: 2 },
  { speaker: "Customer", text: "My BILL is wrong.", start: 2, end: 4 },
  { speaker: "Agent", text: "Let me check the bill.", start: 4, end: 6 },
];

describe("searchTranscript", () => {
  it("returns every segment for an empty or blank query", () => {
    expect(searchTranscript({ segments, query: "" })).toEqual([0, 1, 2]);
    expect(searchTranscript({ segments, query: "   " })).toEqual([0, 1, 2]);
  });

  it("finds text and speakers, any case", () => {
    expect(searchTranscript({ segments, query: "bill" })).toEqual([1, 2]);
    expect(searchTranscript({ segments, query: "customer" })).toEqual([1]);
    expect(searchTranscript({ segments, query: "refund" })).toEqual([]);
  });

  it("stays fast on long transcripts", () => {
    const many = Array.from({ length: 5000 }, (_, index) => ({
      speaker: index % 2 ? "Customer" : "Agent",
      text: `segment ${index}`,
      start: index,
      end: index + 1,
    }));
    const started = performance.now();
    expect(searchTranscript({ segments: many, query: "segment 4999" })).toEqual([4999]);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
