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

  it.each([
    ["a carriage return", "abc\r", [{ text: "abc" }, { hidden: "U+000D" }]],
    ["a tab that ends the text", "a\t", [{ text: "a" }, { hidden: "U+0009" }]],
    [
      "a space before a CRLF",
      "a \r\nb",
      [{ text: "a" }, { hidden: "U+0020" }, { hidden: "U+000D" }, { text: "\nb" }],
    ],
    ["a no-break space", "a\u00a0b", [{ text: "a" }, { hidden: "U+00A0" }, { text: "b" }]],
    ["an ideographic space", "a\u3000b", [{ text: "a" }, { hidden: "U+3000" }, { text: "b" }]],
    ["a line separator", "a\u2028b", [{ text: "a" }, { hidden: "U+2028" }, { text: "b" }]],
    ["a NUL", "a\u0000", [{ text: "a" }, { hidden: "U+0000" }]],
    ["a C1 control", "a\u0085", [{ text: "a" }, { hidden: "U+0085" }]],
    [
      "spaces that end the text",
      "abc  ",
      [{ text: "abc" }, { hidden: "U+0020" }, { hidden: "U+0020" }],
    ],
    ["a space that ends a line", "a \nb", [{ text: "a" }, { hidden: "U+0020" }, { text: "\nb" }]],
    ["bidi controls as before", "\u202eab", [{ hidden: "U+202E" }, { text: "ab" }]],
  ])("with whitespace, splits %s", (_, text, parts) => {
    expect(revealHiddenCharacters({ text, whitespace: true })).toEqual(parts);
  });

  it.each([
    ["spaces between words", "a b  c"],
    ["line feeds", "a\nb\n"],
    ["a leading space", " a"],
    ["tabs inside a line (indentation)", "\t\ta\tb"],
    ["a space before more text on the line", "a cb"],
  ])("with whitespace, keeps %s as one plain part", (_, text) => {
    expect(revealHiddenCharacters({ text, whitespace: true })).toEqual([{ text }]);
  });

  it("without whitespace, leaves a CR, a tab and trailing spaces as they are", () => {
    expect(revealHiddenCharacters({ text: "a\tb \r" })).toEqual([{ text: "a\tb \r" }]);
  });
});
