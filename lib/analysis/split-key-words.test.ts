import { describe, expect, it } from "vitest";

import { splitKeyWords } from "@/lib/analysis/split-key-words";

describe("splitKeyWords", () => {
  it.each([
    ["first_call_resolution", ["first", "call", "resolution"]],
    ["camelCaseKey", ["camel", "case", "key"]],
    ["HTTPStatusCode", ["http", "status", "code"]],
    ["kebab-case key", ["kebab", "case", "key"]],
    ["score2Value", ["score2", "value"]],
    ["  __x__  ", ["x"]],
    ["", []],
  ])("%j → %j", (key, words) => {
    expect(splitKeyWords({ key })).toEqual(words);
  });
});

// Worst cases of the old /(\p{Lu}+)(\p{Lu}\p{Ll})/, which backtracked through a run of
// capitals from every start position: ~2.6 s at 40,000 characters here, far over vitest's 5 s
// test timeout at 80,000. Outcomes are asserted, durations only printed.
describe("splitKeyWords on hostile 80,000-character keys", () => {
  it.each([
    ["capitals", "A".repeat(80_000), ["a".repeat(80_000)]],
    ["capitals then a digit", "A".repeat(80_000) + "1", ["a".repeat(80_000) + "1"]],
    ["capitals then a word", "A".repeat(80_000) + "Bc", ["a".repeat(80_000), "bc"]],
    ["separators", "_-".repeat(40_000) + "x", ["x"]],
  ])("%s", (_name, key, words) => {
    const started = performance.now();
    expect(splitKeyWords({ key })).toEqual(words);
    console.log(
      `splitKeyWords ${key.length} chars: ${(performance.now() - started).toFixed(1)} ms`,
    );
  });
});
