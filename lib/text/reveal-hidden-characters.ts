// Bidi controls (embeddings, overrides, isolates, marks) and invisible characters (zero-width
// space/joiners, word joiner, BOM, soft hyphen): each can make captured text look like other
// text, so the view shows them as their code points instead.
const HIDDEN = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u00ad]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "g");

export type RevealedPart = { text: string } | { hidden: string };

/**
 * Splits text into plain runs and hidden characters, each hidden one named by its code point
 * (`U+202E`). Text without any is one plain part (or none, when empty).
 */
export function revealHiddenCharacters({ text }: { text: string }): RevealedPart[] {
  if (!HIDDEN.test(text)) return text === "" ? [] : [{ text }];
  const parts: RevealedPart[] = [];
  let start = 0;
  for (const match of text.matchAll(HIDDEN_ALL)) {
    if (match.index > start) parts.push({ text: text.slice(start, match.index) });
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    parts.push({ hidden: `U+${code}` });
    start = match.index + 1;
  }
  if (start < text.length) parts.push({ text: text.slice(start) });
  return parts;
}
