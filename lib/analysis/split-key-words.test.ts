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
