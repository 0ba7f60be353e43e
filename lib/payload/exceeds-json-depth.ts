const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a text nests objects and arrays deeper than `maxDepth` (brackets inside strings do
 * not count). A count of the opening brackets (native indexOf), then, only where there are
 * more than `maxDepth`, one linear scan: much cheaper than JSON.parse, which slows down sharply
 * on deep nesting (V8: ~0.2 s for 400,000 levels), so hostile documents are refused before
 * parsing. The text may also be its UTF-8 bytes, with the same answer: every byte of a
 * multi-byte character is >= 0x80, so none is taken for a bracket, a quote or a backslash.
 */
export function exceedsJsonDepth({
  text,
  maxDepth,
}: {
  text: string | Uint8Array;
  maxDepth: number;
}): boolean {
  // Nesting can never go deeper than the number of opening brackets: almost every body has
  // far fewer than maxDepth, and indexOf (native) counts them much faster than this loop reads.
  if (
    countUpTo(text, OPEN_BRACKET, maxDepth + 1) + countUpTo(text, OPEN_BRACE, maxDepth + 1) <=
    maxDepth
  ) {
    return false;
  }
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = typeof text === "string" ? text.charCodeAt(index) : text[index];
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Occurrences of the character `code` in `text`, counted up to `limit`. */
function countUpTo(text: string | Uint8Array, code: number, limit: number): number {
  let count = 0;
  if (typeof text === "string") {
    const char = String.fromCharCode(code);
    for (let at = text.indexOf(char); at !== -1 && count < limit; at = text.indexOf(char, at + 1))
      count++;
  } else {
    for (let at = text.indexOf(code); at !== -1 && count < limit; at = text.indexOf(code, at + 1))
      count++;
  }
  return count;
}
