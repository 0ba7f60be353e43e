export interface HighlightPart {
  text: string;
  match: boolean;
}

/**
 * Splits text around every case-insensitive occurrence of query, so matches can be wrapped in
 * elements (never HTML). An empty query gives the whole text as one unmatched part.
 */
export function splitHighlights({ text, query }: { text: string; query: string }): HighlightPart[] {
  if (query === "" || text === "") return text === "" ? [] : [{ text, match: false }];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  // Lower-casing can change lengths (e.g. "İ"); fall back to exact matching then, so offsets
  // into the original text stay right.
  const exact = haystack.length !== text.length || needle.length !== query.length;
  const source = exact ? text : haystack;
  const target = exact ? query : needle;
  const parts: HighlightPart[] = [];
  let from = 0;
  for (;;) {
    const index = source.indexOf(target, from);
    if (index === -1) break;
    if (index > from) parts.push({ text: text.slice(from, index), match: false });
    parts.push({ text: text.slice(index, index + target.length), match: true });
    from = index + target.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
