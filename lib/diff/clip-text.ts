/** Values in a diff are cut to this many characters (the contract says 1,000). */
export const MAX_VALUE_CHARS = 1000;

/**
 * Cuts a long value for a diff, marked by a trailing "…" so a reader sees it was cut. Never
 * splits a surrogate pair (the answer must stay valid UTF-16 / JSON).
 */
export function clipText({
  text,
  maxChars = MAX_VALUE_CHARS,
}: {
  text: string;
  maxChars?: number;
}): string {
  if (text.length <= maxChars) return text;
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
