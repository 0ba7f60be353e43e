import { clipText, MAX_VALUE_CHARS } from "@/lib/diff/clip-text";

interface Frame {
  container: Record<string, unknown> | unknown[];
  /** Object keys; null for an array. */
  keys: string[] | null;
  index: number;
}

/**
 * A parsed JSON value as compact JSON text, cut after `maxChars` (with "…"). Iterative and
 * lazy: a value nested a million levels deep or a huge array costs only what is written
 * (JSON.stringify would overflow the stack on the first and build all of the second).
 */
export function previewJsonValue({
  value,
  maxChars = MAX_VALUE_CHARS,
}: {
  value: unknown;
  maxChars?: number;
}): string {
  let out = "";
  const frames: Frame[] = [];
  // Strings and keys are cut before quoting: one past the limit is enough to show the cut.
  const quote = (text: string) =>
    JSON.stringify(text.length > maxChars ? text.slice(0, maxChars + 1) : text);
  const write = (item: unknown) => {
    if (Array.isArray(item)) {
      out += "[";
      frames.push({ container: item, keys: null, index: 0 });
    } else if (item !== null && typeof item === "object") {
      out += "{";
      const record = item as Record<string, unknown>;
      frames.push({ container: record, keys: Object.keys(record), index: 0 });
    } else if (typeof item === "string") {
      out += quote(item);
    } else {
      out += JSON.stringify(item) ?? "null";
    }
  };
  write(value);
  while (frames.length > 0 && out.length <= maxChars) {
    const frame = frames[frames.length - 1]!;
    const length = frame.keys ? frame.keys.length : (frame.container as unknown[]).length;
    if (frame.index >= length) {
      out += frame.keys ? "}" : "]";
      frames.pop();
      continue;
    }
    if (frame.index > 0) out += ",";
    if (frame.keys) {
      const key = frame.keys[frame.index++]!;
      out += `${quote(key)}:`;
      write((frame.container as Record<string, unknown>)[key]);
    } else {
      write((frame.container as unknown[])[frame.index++]);
    }
  }
  return clipText({ text: out, maxChars });
}
