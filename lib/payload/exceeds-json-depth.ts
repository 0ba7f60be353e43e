const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a text nests objects and arrays deeper than `maxDepth` (brackets inside strings do
 * not count). One linear scan, much cheaper than JSON.parse, which slows down sharply on deep
 * nesting (V8: ~0.2 s for 400,000 levels): hostile documents are refused before parsing. The
 * text may also be its UTF-8 bytes, with the same answer: every byte of a multi-byte character
 * is >= 0x80, so none is taken for a bracket, a quote or a backslash.
 */
export function exceedsJsonDepth({
  text,
  maxDepth,
}: {
  text: string | Uint8Array;
  maxDepth: number;
}): boolean {
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
