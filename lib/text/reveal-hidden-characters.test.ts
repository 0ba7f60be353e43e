import { describe, expect, it } from "vitest";
import { revealHiddenCharacters } from "@/lib/text/reveal-hidden-characters";

describe("revealHiddenCharacters", () => {
  it.each([
    ["U+202A", "\u202a"],
    ["U+202B", "\u202b"],
    ["U+202C", "\u202c"],
    ["U+202D", "\u202d"],
    ["U+202E", "\u202e"],
    ["U+2066", "\u2066"],
    ["U+2067", "\u2067"],
    ["U+2068", "\u2068"],
    ["U+2069", "\u2069"],
    ["U+200E", "\u200e"],
    ["U+200F", "\u200f"],
    ["U+061C", "\u061c"],
    ["U+200B", "\u200b"],
    ["U+200C", "\u200c"],
    ["U+200D", "\u200d"],
    ["U+2060", "\u2060"],
    ["U+FEFF", "\ufeff"],
    ["U+00AD", "\u00ad"],
  ])("reveals %s between plain runs", (hidden, character) => {
    expect(revealHiddenCharacters({ text: `a${character}b` })).toEqual([
      { text: "a" },
      { hidden },
      { text: "b" },
    ]);
  });

  it.each([
    ["plain ASCII", "amount"],
    ["letters beyond ASCII", "héllo € שלום"],
    ["an emoji (a surrogate pair)", "pay 😀 now"],
    ["pairs back to back", "\ud83d\ude00\ud83d\ude01"],
    ["a flag", "🇺🇸"],
    ["the six characters of an escape", "\\u202e"],
    ["near neighbours", "\u2010\u2029\u2065\u206a\u00ac\u00ae"],
  ])("keeps %s as one plain part", (_, text) => {
    expect(revealHiddenCharacters({ text })).toEqual([{ text }]);
  });

  it.each([
    ["the empty text", "", []],
    ["only a hidden one", "\u202e", [{ hidden: "U+202E" }]],
    ["a false field name", "\u202etnuoma", [{ hidden: "U+202E" }, { text: "tnuoma" }]],
    ["a hidden one at the end", "amount\u202e", [{ text: "amount" }, { hidden: "U+202E" }]],
    ["hidden ones back to back", "\u2067\u200b", [{ hidden: "U+2067" }, { hidden: "U+200B" }]],
    [
      "a zero-width joiner inside an emoji sequence",
      "👩\u200d💻",
      [{ text: "👩" }, { hidden: "U+200D" }, { text: "💻" }],
    ],
    [
      "calls in a row (no regex state leaks)",
      "x\u200by",
      [{ text: "x" }, { hidden: "U+200B" }, { text: "y" }],
    ],
  ])("splits %s", (_, text, parts) => {
    expect(revealHiddenCharacters({ text })).toEqual(parts);
    expect(revealHiddenCharacters({ text })).toEqual(parts);
  });
});
