import { describe, expect, it } from "vitest";
import { splitByBytes } from "@/lib/deliveries/split-by-bytes";

const sizes = (pages: Array<Array<{ bytes: number }>>) => pages.map((p) => p.map((i) => i.bytes));

describe("splitByBytes", () => {
  it.each([
    { items: [], maxBytes: 10, maxItems: 5, expected: [] },
    { items: [3, 3, 3, 3], maxBytes: 10, maxItems: 5, expected: [[3, 3, 3], [3]] },
    {
      items: [3, 3, 3, 3],
      maxBytes: 100,
      maxItems: 2,
      expected: [
        [3, 3],
        [3, 3],
      ],
    },
    { items: [1, 50, 1], maxBytes: 10, maxItems: 5, expected: [[1], [50], [1]] },
    { items: [50], maxBytes: 10, maxItems: 5, expected: [[50]] },
    { items: [0, 0, 10, 0], maxBytes: 10, maxItems: 5, expected: [[0, 0, 10, 0]] },
  ])("$items by $maxBytes bytes / $maxItems items", ({ items, maxBytes, maxItems, expected }) => {
    const pages = splitByBytes({ items: items.map((bytes) => ({ bytes })), maxBytes, maxItems });
    expect(sizes(pages)).toEqual(expected);
  });
});
