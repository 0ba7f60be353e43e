/**
 * A value as JSON text for display, never throwing: what JSON cannot express (undefined, a
 * function, a cycle, a BigInt) falls back to String(value). Text past `maxChars` is cut with "…".
 */
export function stringifySafely({
  value,
  indent,
  maxChars = Infinity,
}: {
  value: unknown;
  indent?: number;
  maxChars?: number;
}): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, indent);
  } catch {
    return String(value);
  }
  if (text === undefined) return String(value);
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
