// A quote or a backslash, the only characters a quoted array element must escape. Looked for
// with includes, not a regular expression: a test call per element went to V8's runtime.
const needsEscape = (item: string) => item.includes('"') || item.includes("\\");

/**
 * A PostgreSQL array literal of text elements, every element quoted (so "NULL" stays a string),
 * as pg itself would send a JS array of strings. Capture sends two per batch (new bins and
 * their times): pg's version builds it element by element through two regex replaces and
 * several string joins, ~290 bytes of garbage per element; elements without a quote or a
 * backslash (bin ids and ISO times always) are joined here in one string.
 */
export function toPgTextArray({ items }: { items: readonly string[] }): string {
  if (items.length === 0) return "{}";
  if (!items.some(needsEscape)) return `{"${items.join('","')}"}`;
  return `{${items.map((item) => `"${item.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}
