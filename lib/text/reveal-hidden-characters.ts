// Bidi controls (embeddings, overrides, isolates, marks) and invisible characters (zero-width
// space/joiners, word joiner, BOM, soft hyphen): each can make captured text look like other
// text, so the view shows them as their code points instead.
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u00ad]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "g");
// Where two texts are set side by side as different (a diff), whitespace that reads as a plain
// space or as nothing is named too: control characters but the tab and line feed (a CR, say),
// spaces other than U+0020 (no-break, en/em, ideographic, line/paragraph separators), and
// spaces or tabs that end a line. Otherwise "abc" and "abc\r" show as one changed line that
// looks unchanged. Tabs inside a line stay tabs: indentation would otherwise be all badges.
const WHITESPACE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|[ \t](?=[ \t\r]*(?:\n|$))/;
const HIDDEN_OR_WHITESPACE_ALL = new RegExp(`${HIDDEN.source}|${WHITESPACE.source}`, "g");

export type RevealedPart = { text: string } | { hidden: string };

export interface RevealHiddenCharactersOptions {
  text: string;
  /** Also name whitespace that looks like a space or like nothing (for diffs; see above). */
  whitespace?: boolean;
}

/**
 * Splits text into plain runs and hidden characters, each hidden one named by its code point
 * (`U+202E`). Text without any is one plain part (or none, when empty).
 */
export function revealHiddenCharacters({
  text,
  whitespace = false,
}: RevealHiddenCharactersOptions): RevealedPart[] {
  if (!HIDDEN.test(text) && !(whitespace && WHITESPACE.test(text))) {
    return text === "" ? [] : [{ text }];
  }
  const parts: RevealedPart[] = [];
  let start = 0;
  for (const match of text.matchAll(whitespace ? HIDDEN_OR_WHITESPACE_ALL : HIDDEN_ALL)) {
    if (match.index > start) parts.push({ text: text.slice(start, match.index) });
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    parts.push({ hidden: `U+${code}` });
    start = match.index + 1;
  }
  if (start < text.length) parts.push({ text: text.slice(start) });
  return parts;
}
