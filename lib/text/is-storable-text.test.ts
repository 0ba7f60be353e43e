import { describe, expect, it } from "vitest";
import { isStorableText } from "@/lib/text/is-storable-text";

describe("isStorableText", () => {
  it.each([
    ["the empty text", ""],
    ["ASCII", "status=completed"],
    ["other control characters", "\u0001\t\n\u007f"],
    ["letters beyond ASCII", "héllo €"],
    ["a surrogate pair", "😀"],
    ["pairs back to back", "\ud83d\ude00\ud83d\ude01"],
    ["U+FFFD, what a driver substitutes", "\ufffd"],
    ["the six characters of an escape", "\\u0000 \\ud800"],
  ])("stores %s", (_, text) => {
    expect(isStorableText({ text })).toBe(true);
  });

  it.each([
    ["U+0000 alone", "\u0000"],
    ["U+0000 inside", "a\u0000b"],
    ["a lone high surrogate", "\ud800"],
    ["a high surrogate at the end", "ok \udbff"],
    ["a lone low surrogate", "\udfff"],
    ["a low surrogate before its high one", "\ude00\ud83d"],
    ["two high surrogates", "\ud83d\ud83d\ude00"],
    ["a lone surrogate after a pair", "😀\udc00"],
  ])("refuses %s", (_, text) => {
    expect(isStorableText({ text })).toBe(false);
  });
});
